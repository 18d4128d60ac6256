/**
 * Both runtimes keep the conversation state in the same Redis documents (same keys, same
 * format): a deployment can switch BOT_RUNTIME, or run both side by side during a roll-out,
 * and a card issued by one is confirmed through the other.
 */
import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../../services/clock';
import { createStores, Stores } from '../../../../services/storeFactory';
import { button, makeHarness, people, sampleProfiles, textOf } from '../../../support/conversationHarness';
import { TEST_REDIS_URL, TestRedis } from '../../../support/testRedis';
import type { TestRuntime } from '../../../support/testRuntime';

describe('switching BOT_RUNTIME keeps the conversations (Redis)', () => {
  const redis = new TestRedis();
  const opened: Stores[] = [];

  before(async () => {
    await redis.connect();
  });

  after(async () => {
    for (const s of opened) await s.close();
    await redis.cleanup();
  });

  async function botOn(runtime: TestRuntime, prefix: string, clock: ManualClock) {
    const stores = await createStores({ redisUrl: TEST_REDIS_URL, keyPrefix: prefix, profiles: sampleProfiles() });
    opened.push(stores);
    return await makeHarness({ clock, stores, runtime });
  }

  for (const [first, then] of [
    ['botbuilder', 'agents'],
    ['agents', 'botbuilder'],
  ] as const) {
    it(`confirms on ${then} the card ${first} issued, and ${first} then refuses it as done`, async () => {
      const prefix = redis.freshPrefix();
      const clock = new ManualClock('2026-01-05T09:00:00Z');
      const a = await botOn(first, prefix, clock);
      const b = await botOn(then, prefix, clock);
      const confirm = button(await a.say(people.alice, 'link my certification'), 'link.confirm');
      const done = await b.click(people.alice, confirm);
      assert.equal(done.status, 200);
      assert.match(textOf(done.body), /Linked to Contoso/);
      assert.match(textOf((await a.click(people.alice, confirm)).body), /already done/);
      assert.match(textOf(await b.say(people.alice, 'status')), /MCID 10203040 is linked to Contoso/);
    });
  }
});
