import { strict as assert } from 'node:assert';
import { BoundedMemo } from '../../services/boundedMemo';

describe('BoundedMemo', () => {
  it('computes a key once, again after it is deleted, and never holds more than max', () => {
    const computed: string[] = [];
    const memo = new BoundedMemo((key: string) => {
      computed.push(key);
      return key.toUpperCase();
    }, 3);
    assert.equal(memo.get('a'), 'A');
    assert.equal(memo.get('a'), 'A');
    assert.deepEqual(computed, ['a']);
    memo.delete('a');
    assert.equal(memo.get('a'), 'A');
    assert.deepEqual(computed, ['a', 'a']);
    for (const key of ['b', 'c', 'd', 'e']) memo.get(key);
    assert.ok(memo.size <= 3, `size ${memo.size}`);
    assert.equal(memo.get('e'), 'E');
    assert.throws(() => new BoundedMemo((k: string) => k, 0), /positive whole number/);
  });
});
