/**
 * Scenario d: Teams redelivers a request that took over 15 s. The same
 * activity (a message, and a Confirm click) posted twice in parallel to two
 * bot processes, and once more 16 s later, is acted on once.
 */
import { strict as assert } from 'node:assert';
import { RedisAssociationStore } from '../../services/redis/redisAssociationStore';
import { TEST_REDIS_URL, TestRedis } from '../support/testRedis';
import { buttons, textOf } from '../support/conversationHarness';
import { FakeConnector, startFakeConnector } from '../support/fakeConnector';
import { BotProcess, startBotProcess } from '../support/botProcess';
import { activityFrom, clickActivity, membersOf, nextActivityId, postActivity } from '../support/liveBot';
import { checkInvariants } from './support/invariants';
import { makeScenarioData } from './support/scenarioData';
import { printFigures } from './support/figures';

const REDELIVERY_DELAY_MS = 16_000;

describe('reliability d: redelivery, in parallel and 16 s later, on two bot processes', function () {
  this.timeout(120000);
  const redis = new TestRedis();
  const data = makeScenarioData(10);
  let connector: FakeConnector;
  const bots: BotProcess[] = [];

  after(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await connector?.close();
    await redis.cleanup();
    data.dispose();
  });

  it('acts once on a redelivered message and a redelivered click', async () => {
    const client = await redis.connect();
    const prefix = redis.freshPrefix();
    connector = await startFakeConnector({ members: membersOf(data.people.flat()) as never });
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, ORGS_FILE: data.orgsFile, PROFILES_FILE: data.profilesFile };
    bots.push(await startBotProcess(env), await startBotProcess(env));
    const [a, b] = bots.map((x) => x.url);
    const alice = data.people[0][0];
    const bob = data.people[1][1];

    // A message: "link my certification" from Bob, delivered three times.
    const message = activityFrom(bob, connector.url, { type: 'message', text: 'link my certification', id: nextActivityId('redeliver-msg') });
    const messageRun = (async () => {
      const parallel = await Promise.all([postActivity(a, message), postActivity(b, message)]);
      await new Promise((r) => setTimeout(r, REDELIVERY_DELAY_MS));
      const late = await postActivity(b, message);
      return [...parallel, late].map((r) => r.status);
    })();

    // A click: Alice's Confirm, delivered three times.
    const preview = activityFrom(alice, connector.url, { type: 'message', text: 'link my certification' });
    await postActivity(a, preview);
    const confirm = buttons(connector.replies.filter((r) => r.replyToId === preview.id).map((r) => r.activity)).find((x) => x.verb === 'link.confirm');
    assert.ok(confirm);
    const click = clickActivity(alice, connector.url, confirm.verb, confirm.cardId, nextActivityId('redeliver-click'));
    const clickRun = (async () => {
      const parallel = await Promise.all([postActivity(a, click), postActivity(b, click)]);
      await new Promise((r) => setTimeout(r, REDELIVERY_DELAY_MS));
      const late = await postActivity(a, click);
      return [...parallel, late];
    })();

    const [messageStatuses, clickResults] = await Promise.all([messageRun, clickRun]);
    const messageReplies = connector.replies.filter((r) => r.replyToId === message.id);
    const clickTexts = clickResults.map((r) => textOf(r.json));
    const record = await new RedisAssociationStore(client, prefix).getRecord(data.mcids[0]);
    const report = await checkInvariants(
      client,
      prefix,
      data.mcids,
      data.orgs.map((o) => o.mpnId),
    );
    printFigures('d. redelivery (parallel on two processes, then 16 s later)', {
      'message deliveries': messageStatuses.length,
      'message statuses': messageStatuses.join(', '),
      'replies to the message': messageReplies.length,
      'click deliveries': clickResults.length,
      'click answers': clickTexts.map((t) => (/^Linked to /m.test(t) ? 'linked' : /already done/.test(t) ? 'already done' : t.slice(0, 40))).join(', '),
      'association starts recorded for the MCID': record?.starts.length ?? 0,
    });
    assert.deepEqual(messageStatuses, [200, 200, 200]);
    assert.equal(messageReplies.length, 1, 'the message was acted on once');
    assert.equal(clickTexts.filter((t) => /^Linked to /m.test(t)).length, 1, clickTexts.join(' | '));
    assert.equal(clickTexts.filter((t) => /already done/.test(t)).length, 2, clickTexts.join(' | '));
    assert.equal(record?.starts.length, 1);
    assert.equal(report.indexDisagreements + report.r1, 0);
  });
});
