/**
 * botbuilder Storage over the DocumentStore, on memory and on Redis: the eTag
 * contract, and a dialog that starts on one bot process and ends on another.
 */
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { ConversationState, Storage, TestAdapter, TurnContext } from 'botbuilder';
import { DialogSet, DialogState, DialogTurnStatus, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import type Redis from 'ioredis';
import { StoreBackedStorage } from '../../../../bot/runtime/botbuilder/storeBackedStorage';
import { DocumentStore } from '../../../../services/kv/documentStore';
import { MemoryDocumentStore } from '../../../../services/memory/memoryDocumentStore';
import { RedisDocumentStore } from '../../../../services/redis/redisDocumentStore';
import { TestRedis } from '../../../support/testRedis';

/** Two views of the same data, as two bot processes would have. */
type TwoProcesses = () => Promise<[DocumentStore, DocumentStore]>;

/** A tiny bot: asks a name with a TextPrompt in a waterfall, then greets. Its only memory is `storage`. */
function makeBot(storage: Storage): (context: TurnContext) => Promise<void> {
  const conversationState = new ConversationState(storage);
  const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
  dialogs.add(new TextPrompt('name'));
  dialogs.add(
    new WaterfallDialog('ask', [
      async (step) => step.prompt('name', 'What is your name?'),
      async (step) => {
        await step.context.sendActivity(`Hello ${String(step.result)}`);
        return step.endDialog();
      },
    ]),
  );
  return async (context) => {
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog('ask');
    await conversationState.saveChanges(context);
  };
}

function adapterFor(bot: (context: TurnContext) => Promise<void>, conversationId: string): TestAdapter {
  const adapter = new TestAdapter(bot);
  adapter.conversation = TestAdapter.createConversation(conversationId, 'user-1', 'certlink');
  return adapter;
}

function describeStorage(name: string, twoProcesses: TwoProcesses): void {
  describe(`StoreBackedStorage on ${name}`, () => {
    let one: DocumentStore;
    let two: DocumentStore;
    beforeEach(async () => {
      [one, two] = await twoProcesses();
    });

    it('reads items with their eTag, and only the keys that exist', async () => {
      const storage = new StoreBackedStorage(one);
      await storage.write({ a: { n: 1 } });
      const items = await storage.read(['a', 'missing']);
      assert.deepEqual(Object.keys(items), ['a']);
      assert.equal(items.a.n, 1);
      assert.equal(typeof items.a.eTag, 'string');
      assert.ok(items.a.eTag.length > 0);
    });

    it('rejects a write with a stale eTag and keeps the newer item', async () => {
      const first = new StoreBackedStorage(one);
      const second = new StoreBackedStorage(two);
      await first.write({ k: { v: 1 } });
      const readByFirst = (await first.read(['k'])).k;
      const readBySecond = (await second.read(['k'])).k;
      await second.write({ k: { ...readBySecond, v: 2 } });
      await assert.rejects(first.write({ k: { ...readByFirst, v: 3 } }), /eTag conflict/);
      assert.equal((await first.read(['k'])).k.v, 2);
    });

    it("overwrites with eTag '*' or without an eTag, and deletes", async () => {
      const storage = new StoreBackedStorage(one);
      await storage.write({ k: { v: 1 } });
      await storage.write({ k: { v: 2, eTag: '*' } });
      assert.equal((await storage.read(['k'])).k.v, 2);
      await storage.write({ k: { v: 3 } });
      const item = (await storage.read(['k'])).k;
      assert.equal(item.v, 3);
      await storage.write({ k: { ...item, v: 4 } });
      await new StoreBackedStorage(two).delete(['k']);
      assert.deepEqual(await storage.read(['k']), {});
    });

    it('continues on a second bot process a conversation started on the first', async () => {
      const conversationId = `conv-${randomUUID()}`;
      const botOne = adapterFor(makeBot(new StoreBackedStorage(one)), conversationId);
      const botTwo = adapterFor(makeBot(new StoreBackedStorage(two)), conversationId);
      await botOne.send('hi').assertReply('What is your name?').startTest();
      await botTwo.send('Ada').assertReply('Hello Ada').startTest();
      // The dialog ended on process two, so process one starts a fresh one.
      await botOne.send('hi again').assertReply('What is your name?').startTest();
    });

    it('starts over on a process that does not share the store (the state really travels through it)', async () => {
      const conversationId = `conv-${randomUUID()}`;
      const botOne = adapterFor(makeBot(new StoreBackedStorage(one)), conversationId);
      const elsewhere = adapterFor(makeBot(new StoreBackedStorage(new MemoryDocumentStore())), conversationId);
      await botOne.send('hi').assertReply('What is your name?').startTest();
      await elsewhere.send('Ada').assertReply('What is your name?').startTest();
    });
  });
}

describeStorage('memory', async () => {
  const shared = new MemoryDocumentStore();
  return [shared, shared];
});

describe('on Redis, two connections', () => {
  const redis = new TestRedis();
  let c1: Redis;
  let c2: Redis;
  before(async () => {
    c1 = await redis.connect();
    c2 = await redis.connect();
  });
  after(() => redis.cleanup());

  describeStorage('Redis', async () => {
    const prefix = redis.freshPrefix();
    return [new RedisDocumentStore(c1, prefix), new RedisDocumentStore(c2, prefix)];
  });
});
