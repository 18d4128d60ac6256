import { strict as assert } from 'node:assert';
import { everyPhrase, intentPriority } from '../../../bot/features/priority';

describe('the priority list of phrases', () => {
  it('places every phrase of every feature exactly once', () => {
    const placed = new Set(intentPriority);
    assert.equal(placed.size, intentPriority.length, 'a phrase placed twice');
    const unplaced = everyPhrase.filter((p) => !placed.has(p)).map((p) => p.intent);
    assert.deepEqual(unplaced, [], 'phrases a feature declares but the list does not place');
    assert.equal(intentPriority.length, everyPhrase.length);
  });
});
