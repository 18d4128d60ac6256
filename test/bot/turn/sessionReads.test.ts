import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../services/clock';
import { WriteResult } from '../../../services/kv/documentStore';
import { MemoryDocumentStore } from '../../../services/memory/memoryDocumentStore';
import { button, makeHarness, people, textOf } from '../../support/conversationHarness';

/** Where conversation state is kept, counting what the bot reads and writes. */
class CountingStorage extends MemoryDocumentStore {
  reads = 0;
  writes = 0;
  constructor() {
    super(new ManualClock('2026-01-05T09:00:00Z'));
  }
  override async read(keys: string[]) {
    this.reads += 1;
    return super.read(keys);
  }
  override async write(key: string, value: unknown, etag: string | undefined, ttlSeconds?: number): Promise<WriteResult> {
    this.writes += 1;
    return super.write(key, value, etag, ttlSeconds);
  }
}

describe('session state: read when the turn uses it', () => {
  it('a status turn that asks nothing neither reads nor writes the conversation state', async () => {
    const storage = new CountingStorage();
    const h = await makeHarness({ sessionDocuments: storage });
    assert.match(textOf(await h.say(people.alice, 'when can I link again?')), /You can link now/);
    assert.deepEqual({ reads: storage.reads, writes: storage.writes }, { reads: 0, writes: 0 });
  });

  it('a link turn reads it once, beside the claim, and keeps its confirmation card there for the click', async () => {
    const storage = new CountingStorage();
    const h = await makeHarness({ sessionDocuments: storage });
    const replies = await h.say(people.alice, 'link my certification');
    assert.deepEqual({ reads: storage.reads, writes: storage.writes }, { reads: 1, writes: 1 });
    const result = await h.click(people.alice, button(replies, 'link.confirm'));
    assert.match(textOf(result.body), /Linked to Contoso/);
  });

  it('a status turn that offers "Notify me" reads the state when it needs it, and the button works', async () => {
    const storage = new CountingStorage();
    const h = await makeHarness({ sessionDocuments: storage });
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    h.clock.advanceDays(1);
    storage.reads = 0;
    storage.writes = 0;
    const status = await h.say(people.alice, 'status');
    assert.deepEqual({ reads: storage.reads, writes: storage.writes }, { reads: 1, writes: 1 });
    const notify = await h.click(people.alice, button(status, 'notices.notifyMe'));
    assert.equal(notify.status, 200);
    assert.match(textOf(notify.body), /February 4, 2026/);
  });

  it('with sign-in configured, every message reads the state beside the claim (a sign-in may be in progress)', async () => {
    const storage = new CountingStorage();
    const h = await makeHarness({ sessionDocuments: storage, oauthConnectionName: 'learn' });
    await h.say(people.alice, 'help');
    assert.equal(storage.reads, 1);
  });
});
