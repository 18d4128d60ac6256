import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { onceKey } from '../../../services/kv/onceKey';

describe('onceKey', () => {
  it('keeps apart the parts that joining with a separator would mix up', () => {
    assert.notEqual(onceKey('activity', 'a:T', 'x:1'), onceKey('activity', 'a:T:x', '1'));
    assert.notEqual(onceKey('activity', 'a', ''), onceKey('activity', '', 'a'));
  });

  it('never gives two different lists of parts the same key', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 4 }), fc.array(fc.string(), { maxLength: 4 }), (a, b) => {
        if (JSON.stringify(a) === JSON.stringify(b)) return true;
        return onceKey('k', ...a) !== onceKey('k', ...b);
      }),
    );
  });
});
