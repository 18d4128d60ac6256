/**
 * Scenario b: Redis killed (SIGKILL) in the middle of load on a real bot
 * process, and restarted 4 s later on the same port with its append-only file.
 * Every turn that starts and ends inside the outage gets "temporarily
 * unavailable, nothing was changed"; no 5xx reaches the channel; the records
 * are whole (invariants) and every link acknowledged before the kill is still
 * there; notices scheduled before the kill (BullMQ delayed jobs) are still
 * scheduled after; the bot answers normally again within 5 s of Redis returning.
 */
import { strict as assert } from 'node:assert';
import type { WireActivity } from '../../scripts/wireTypes';
import { say } from '../../services/i18n/say';
import { createRedis, waitUntilReady } from '../../services/redis/redisConnection';
import { ThrowawayRedis } from '../support/throwawayRedis';
import { buttons, textOf } from '../support/conversationHarness';
import { startFakeConnector } from '../support/fakeConnector';
import { startBotProcess } from '../support/botProcess';
import { activityFrom, clickActivity, Member, membersOf, postActivity } from '../support/liveBot';
import { checkInvariants, totalViolations } from './support/invariants';
import { makeScenarioData } from './support/scenarioData';
import { printFigures } from './support/figures';

interface Turn {
  kind: 'message' | 'click' | 'probe';
  startedAt: number;
  endedAt: number;
  status: number;
  text: string;
}

const UNAVAILABLE = say('en', 'unavailable');
/** People 0..479 make the load; 480..499 asked for a notice before it. */
const LOAD_PEOPLE = 480;
const NOTICE_PEOPLE = 20;

describe('reliability b: Redis killed mid-load and restarted (throwaway redis-server, appendonly yes)', function () {
  this.timeout(5 * 60 * 1000);

  it('answers "unavailable, nothing changed" during the outage, never 5xx, loses nothing, recovers within 5 s', async () => {
    const redis = await ThrowawayRedis.start({ appendOnly: true });
    const data = makeScenarioData(500);
    const connector = await startFakeConnector({ members: membersOf(data.people.flat()) as never, keepReplies: false });
    /** The reply to each message, by the message's id. */
    const replies = new Map<string, WireActivity>();
    connector.onReply((r) => {
      if (r.replyToId) replies.set(r.replyToId, r.activity);
    });
    const prefix = 'outage:';
    const bot = await startBotProcess({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, ORGS_FILE: data.orgsFile, PROFILES_FILE: data.profilesFile, RATE_LIMIT_LINK_ATTEMPTS: '0' });
    const turns: Turn[] = [];
    const acknowledged: { mcid: string; mpnId: string; at: number }[] = [];
    let stopping = false;
    try {
      const post = async (kind: Turn['kind'], body: ReturnType<typeof activityFrom>): Promise<Turn> => {
        const startedAt = Date.now();
        const res = await postActivity(bot.url, body);
        const reply = replies.get(body.id as string);
        const text = kind === 'click' ? textOf(res.json) : reply ? textOf([reply]) : '';
        const turn = { kind, startedAt, endedAt: Date.now(), status: res.status, text };
        if (kind !== 'message') replies.delete(body.id as string);
        turns.push(turn);
        return turn;
      };
      const worker = async (w: number) => {
        for (let n = 0; !stopping; n++) {
          const i = (w * 9973 + n * 31) % LOAD_PEOPLE;
          const t = (w + n) % data.orgs.length;
          const who: Member = data.people[i][t];
          const message = activityFrom(who, connector.url, { type: 'message', text: n % 4 === 3 ? 'status' : 'link my certification' });
          await post('message', message);
          const reply = replies.get(message.id as string);
          replies.delete(message.id as string);
          const button = reply ? buttons([reply]).find((b) => b.verb === 'link.confirm') : undefined;
          if (button) {
            const clicked = await post('click', clickActivity(who, connector.url, button.verb, button.cardId));
            if (/^Linked to /m.test(clicked.text)) acknowledged.push({ mcid: data.mcids[i], mpnId: data.orgs[t].mpnId, at: clicked.endedAt });
          }
        }
      };
      const probe = async () => {
        const who = data.people[0][0];
        while (!stopping) {
          const message = activityFrom(who, connector.url, { type: 'message', text: 'status' });
          await post('probe', message);
          replies.delete(message.id as string);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      // Scheduled notices: link at org 1, get refused at org 2 (30 days); the refusal schedules the notice.
      const noticeKeys = { delayed: `${prefix}{bull}:notices:delayed` };
      for (let i = LOAD_PEOPLE; i < LOAD_PEOPLE + NOTICE_PEOPLE; i++) {
        const [atFirst, atSecond] = data.people[i];
        const preview = activityFrom(atFirst, connector.url, { type: 'message', text: 'link my certification' });
        await post('message', preview);
        const confirm = buttons([replies.get(preview.id as string)]).find((b) => b.verb === 'link.confirm');
        assert.ok(confirm, 'a confirm button');
        await post('click', clickActivity(atFirst, connector.url, confirm.verb, confirm.cardId));
        const refused = activityFrom(atSecond, connector.url, { type: 'message', text: 'link my certification' });
        await post('message', refused);
        const refusal = textOf([replies.get(refused.id as string)]);
        assert.match(refusal, /I will tell you here on/, `the refusal plans the notice: ${refusal.slice(0, 300)}`);
      }
      const probeClient = createRedis(redis.url);
      await waitUntilReady(probeClient, 5000);
      const scheduledBefore = (await probeClient.zrange(noticeKeys.delayed, 0, -1)).sort();
      probeClient.disconnect();

      const load = Promise.all([...Array.from({ length: 12 }, (_, w) => worker(w)), probe()]);

      await new Promise((r) => setTimeout(r, 3000));
      const killAt = Date.now();
      await redis.stop();
      const killedAt = Date.now();
      await new Promise((r) => setTimeout(r, 4000));
      const restartAt = Date.now();
      await redis.start();
      const returnedAt = Date.now();
      await new Promise((r) => setTimeout(r, 6000));
      stopping = true;
      await load;

      const during = turns.filter((t) => t.startedAt >= killedAt && t.endedAt <= restartAt);
      const notUnavailable = during.filter((t) => !t.text.includes(UNAVAILABLE));
      const firstOk = turns.filter((t) => t.kind === 'probe' && t.startedAt >= returnedAt && t.status === 200 && t.text !== '' && !t.text.includes(UNAVAILABLE)).sort((a, b) => a.endedAt - b.endedAt)[0];
      const recoveryMs = firstOk ? firstOk.endedAt - returnedAt : Infinity;
      const status5xx = turns.filter((t) => t.status >= 500).length;

      const client = createRedis(redis.url);
      await waitUntilReady(client, 5000);
      const report = await checkInvariants(
        client,
        prefix,
        data.mcids,
        data.orgs.map((o) => o.mpnId),
      );
      const records = new Map(
        (await Promise.all(data.mcids.map(async (m) => [m, await client.get(`${prefix}{mcid:${m}}:record`)] as const))).map(([m, v]) => [m, v ? (JSON.parse(v) as { starts: { mpnId: string }[] }) : null]),
      );
      const lost = acknowledged.filter((a) => a.at < killAt && !records.get(a.mcid)?.starts.some((s) => s.mpnId === a.mpnId));
      const scheduledAfter = (await client.zrange(noticeKeys.delayed, 0, -1)).sort();
      const jobsWhole = (await Promise.all(scheduledAfter.map((id) => client.exists(`${prefix}{bull}:notices:${id}`)))).filter((x) => x === 1).length;
      client.disconnect();

      printFigures('b. Redis killed mid-load, restarted with its AOF', {
        'turns in total': turns.length,
        'turns inside the outage': during.length,
        'of which answered "unavailable, nothing changed"': during.length - notUnavailable.length,
        'outage (kill → restart), s': ((restartAt - killedAt) / 1000).toFixed(1),
        'redis-server restart took, ms': returnedAt - restartAt,
        'recovery after Redis returned, ms': recoveryMs,
        '5xx responses': status5xx,
        'links acknowledged before the kill': acknowledged.filter((a) => a.at < killAt).length,
        'acknowledged links lost': lost.length,
        'records after restart': report.records,
        'invariant violations (R1, R3, link/start, index)': totalViolations(report),
        'notices scheduled before the kill (BullMQ delayed jobs)': scheduledBefore.length,
        'of which still scheduled after the restart, job data whole': `${scheduledBefore.filter((id) => scheduledAfter.includes(id)).length}, ${jobsWhole}`,
      });
      assert.ok(during.length >= 20, `enough turns fell inside the outage (${during.length})`);
      assert.deepEqual(
        notUnavailable.map((t) => `${t.kind} ${t.status} ${t.text.slice(0, 80)}`),
        [],
      );
      assert.equal(status5xx, 0);
      assert.ok(recoveryMs <= 5000, `recovered in ${recoveryMs} ms`);
      assert.equal(lost.length, 0);
      assert.equal(scheduledBefore.length, NOTICE_PEOPLE, 'each refused person has a notice scheduled');
      assert.deepEqual(scheduledAfter, scheduledBefore, 'the scheduled notices survived the restart');
      assert.equal(jobsWhole, NOTICE_PEOPLE);
      assert.equal(totalViolations(report), 0, report.violations.slice(0, 10).join('\n'));
    } finally {
      stopping = true;
      await bot.stop();
      await connector.close();
      await redis.dispose();
      data.dispose();
    }
  });
});
