/**
 * SIGTERM to a real bot process in the middle of a turn: the turn completes
 * (its reply reaches the connector and the channel gets 200), then the
 * process closes Redis and exits 0.
 */
import { strict as assert } from 'node:assert';
import { TEST_REDIS_URL, TestRedis } from '../support/testRedis';
import { CONTOSO_TENANT } from '../support/conversationHarness';
import { ConnectorRequest, FakeConnector, startFakeConnector } from '../support/fakeConnector';
import { BotProcess, startBotProcess } from '../support/botProcess';
import { activityFrom, Member, membersOf, postActivity } from '../support/liveBot';

const alice: Member = { id: '29:1f00a1', aadObjectId: '0b5e1c2a-0000-4000-8000-00000000a11c', tenantId: CONTOSO_TENANT, email: 'alice@contoso.com', name: 'Alice Martin' };

describe('graceful shutdown of a bot process', function () {
  this.timeout(30000);
  const redis = new TestRedis();
  let connector: FakeConnector;
  let bot: BotProcess | undefined;

  before(async () => {
    await redis.connect();
  });

  after(async () => {
    await bot?.stop();
    await connector?.close();
    await redis.cleanup();
  });

  it('finishes the turn in flight on SIGTERM, then exits 0', async () => {
    let memberLookupSeen!: () => void;
    const lookupStarted = new Promise<void>((resolve) => {
      memberLookupSeen = resolve;
    });
    connector = await startFakeConnector({
      members: membersOf([alice]) as never,
      // The member lookup is slow, so the turn is surely in flight when SIGTERM arrives.
      respond: async (request: ConnectorRequest) => {
        if (request.route !== 'member') return undefined;
        memberLookupSeen();
        await new Promise((r) => setTimeout(r, 1500));
        return undefined;
      },
    });
    bot = await startBotProcess({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: redis.freshPrefix() });

    const activity = activityFrom(alice, connector.url, { type: 'message', text: 'link my certification' });
    const response = postActivity(bot.url, activity);
    await lookupStarted;
    bot.child.kill('SIGTERM');

    const { status } = await response;
    assert.equal(status, 200, 'the channel gets its answer');
    const replies = connector.replies.filter((r) => r.replyToId === activity.id);
    assert.equal(replies.length, 1, 'the reply was sent before the process stopped');
    assert.match(JSON.stringify(replies[0].activity), /Link MCID 10203040 to Contoso/);
    const { code } = await bot.exited;
    assert.equal(code, 0);
    const messages = bot.lines.map((l) => (JSON.parse(l) as { msg?: string }).msg);
    assert.ok(messages.indexOf('stopping: finishing turns in flight') < messages.indexOf('turn'), 'SIGTERM came before the turn ended');
    assert.equal(messages.at(-1), 'stopped');
  });
});
