import { strict as assert } from 'node:assert';
import { MemoryStorage, StoreItems } from 'botbuilder';
import { button, makeHarness, people, textOf } from '../../support/conversationHarness';

/** botbuilder's MemoryStorage, counting what the bot reads and writes. */
class CountingStorage extends MemoryStorage {
  reads = 0;
  writes = 0;
  override async read(keys: string[]): Promise<StoreItems> {
    this.reads += 1;
    return super.read(keys);
  }
  override async write(changes: StoreItems): Promise<void> {
    this.writes += 1;
    return super.write(changes);
  }
}

describe('session state: read when the turn uses it', () => {
  it('a status turn that asks nothing neither reads nor writes the conversation state', async () => {
    const storage = new CountingStorage();
    const h = await makeHarness({ storage });
    assert.match(textOf(await h.say(people.alice, 'when can I link again?')), /You can link now/);
    assert.deepEqual({ reads: storage.reads, writes: storage.writes }, { reads: 0, writes: 0 });
  });

  it('a link turn reads it once, beside the claim, and keeps its confirmation card there for the click', async () => {
    const storage = new CountingStorage();
    const h = await makeHarness({ storage });
    const replies = await h.say(people.alice, 'link my certification');
    assert.deepEqual({ reads: storage.reads, writes: storage.writes }, { reads: 1, writes: 1 });
    const result = await h.click(people.alice, button(replies, 'link.confirm'));
    assert.match(textOf(result.body), /Linked to Contoso/);
  });

  it('a status turn that offers "Notify me" reads the state when it needs it, and the button works', async () => {
    const storage = new CountingStorage();
    const h = await makeHarness({ storage });
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    h.clock.advanceDays(1);
    storage.reads = 0;
    storage.writes = 0;
    const status = await h.say(people.alice, 'status');
    assert.deepEqual({ reads: storage.reads, writes: storage.writes }, { reads: 1, writes: 1 });
    const notify = await h.click(people.alice, button(status, 'notices.notifyMe'));
    assert.equal(notify.status, 200);
    assert.match(textOf(notify.body), /4 February 2026/);
  });

  it('with sign-in configured, every message reads the state beside the claim (a sign-in may be in progress)', async () => {
    const storage = new CountingStorage();
    const h = await makeHarness({ storage, oauthConnectionName: 'learn' });
    await h.say(people.alice, 'help');
    assert.equal(storage.reads, 1);
  });
});
