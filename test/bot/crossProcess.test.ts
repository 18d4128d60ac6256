/**
 * Two CertLink bot instances, each with its own Redis connections, standing for
 * two processes behind the channel: a card issued by one is clicked through the
 * other, and the rules hold across both.
 */
import { strict as assert } from 'node:assert';
import { ManualClock } from '../../services/clock';
import { createStores, Stores } from '../../services/storeFactory';
import { TEST_REDIS_URL, TestRedis } from '../support/testRedis';
import { button, makeHarness, people, sampleProfiles, textOf } from '../support/conversationHarness';

describe('a conversation continues on another bot process (Redis)', () => {
  const redis = new TestRedis();
  const opened: Stores[] = [];

  before(async () => {
    await redis.connect();
  });

  after(async () => {
    for (const s of opened) await s.close();
    await redis.cleanup();
  });

  async function processOn(prefix: string, clock: ManualClock) {
    const stores = await createStores({ redisUrl: TEST_REDIS_URL, keyPrefix: prefix, profiles: sampleProfiles() });
    opened.push(stores);
    return await makeHarness({ clock, stores });
  }

  it('confirms on process B a card that process A issued, and B refuses A’s used card', async () => {
    const prefix = redis.freshPrefix();
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    const a = await processOn(prefix, clock);
    const b = await processOn(prefix, clock);

    const confirm = button(await a.say(people.alice, 'link my certification'), 'link.confirm');
    const done = await b.click(people.alice, confirm);
    assert.match(textOf(done.body), /Linked to Contoso/);
    assert.match(textOf((await a.click(people.alice, confirm)).body), /already done/);

    // Status asked on A sees what B wrote.
    assert.match(textOf(await a.say(people.alice, 'status')), /MCID 10203040 is linked to Contoso/);
  });

  it('acts once on an activity redelivered to the other process', async () => {
    const prefix = redis.freshPrefix();
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    const a = await processOn(prefix, clock);
    const b = await processOn(prefix, clock);
    const [first, second] = await Promise.all([a.say(people.alice, 'link my certification', { id: 'teams-resent-1' }), b.say(people.alice, 'link my certification', { id: 'teams-resent-1' })]);
    assert.equal(first.length + second.length, 1);
  });

  it('keeps the 30-day rule when two processes confirm links to two orgs at once', async () => {
    const prefix = redis.freshPrefix();
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    const a = await processOn(prefix, clock);
    const b = await processOn(prefix, clock);
    const atContoso = button(await a.say(people.hugoAtContoso, 'link my certification'), 'link.confirm');
    const atFabrikam = button(await b.say(people.hugoAtFabrikam, 'link my certification'), 'link.confirm');
    const [x, y] = await Promise.all([a.click(people.hugoAtContoso, atContoso), b.click(people.hugoAtFabrikam, atFabrikam)]);
    const texts = [textOf(x.body), textOf(y.body)];
    assert.equal(texts.filter((t) => /Linked to/.test(t)).length, 1, texts.join(' | '));
    assert.equal(texts.filter((t) => /we require a period of 30 days/.test(t)).length, 1, texts.join(' | '));
    const record = await a.associationStore.getRecord('10210817');
    assert.equal(record?.starts.length, 1);
  });
});
