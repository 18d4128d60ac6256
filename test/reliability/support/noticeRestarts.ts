/**
 * Notices on a Redis Cluster across restarts and an upgrade. A bot process and a notice worker
 * (`npm run worker`'s entry) run on the Cluster; people are refused a second link, so the bot
 * queues their notices (due in NOTICE_LEAD_SECONDS: the bots' clock is a file set that long before
 * the first allowed day); other people's notices sit under the queue's old keys, as a release
 * before the hash tag left them (made by BullMQ on one Redis server and copied key by key, as a
 * cache switched from the non-clustered policy to OSS would hold them). Then the bot and the worker are
 * stopped and started again together, the bot now running workers too: the old keys are carried
 * over once, and every notice reaches its person exactly once.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import type { Cluster } from 'ioredis';
import type { WireActivity } from '../../../scripts/wireTypes';
import { addDays, startOfUtcDay } from '../../../services/clock';
import { say } from '../../../services/i18n/say';
import { noticeJobId, toPayload } from '../../../services/notices/noticeScheduler';
import { legacyNoticeQueuePrefix, noticeQueuePrefix } from '../../../services/redis/bullmqNoticeScheduler';
import { deleteKeysByPrefix, escapeGlob, scanKeys } from '../../../services/redis/redisConnection';
import { LoggingProcess, startBotProcess, startLoggingProcess } from '../../support/botProcess';
import { buttons, textOf } from '../../support/conversationHarness';
import { startFakeConnector } from '../../support/fakeConnector';
import { activityFrom, clickActivity, Member, membersOf, postActivity } from '../../support/liveBot';
import { connectTestRedis } from '../../support/testRedis';
import { printFigures } from './figures';
import { makeScenarioData } from './scenarioData';

const WORKER_ENTRY = path.resolve(__dirname, '..', '..', '..', 'bot', 'worker.js');
/** People refused (their notices queued by the bot) and people whose notices wait under the old keys. */
const REFUSED = 30;
const LEGACY = 10;
/** How long before its day each notice is queued, in real seconds: long enough for the restart to happen first. */
const NOTICE_LEAD_SECONDS = 20;
const LINKED_AT = '2026-01-05T09:00:00.000Z';

export async function noticesAcrossRestarts(clusterNodes: string, cluster: Cluster, prefix: string): Promise<void> {
  const data = makeScenarioData(REFUSED + LEGACY, LINKED_AT);
  const connector = await startFakeConnector({ members: membersOf(data.people.flat()) as never, keepReplies: false });
  const replies = new Map<string, WireActivity>();
  const notices: { conversationId: string; text: string; at: number }[] = [];
  connector.onReply((r) => {
    if (r.kind === 'send') notices.push({ conversationId: r.conversationId, text: textOf([r.activity]), at: Date.now() });
    else if (r.replyToId) replies.set(r.replyToId, r.activity);
  });
  const env = {
    REDIS_CLUSTER_NODES: clusterNodes,
    REDIS_KEY_PREFIX: prefix,
    ORGS_FILE: data.orgsFile,
    PROFILES_FILE: data.profilesFile,
    CERTLINK_FAKE_CLOCK_FILE: data.clockFile,
    RATE_LIMIT_LINK_ATTEMPTS: '0',
  };
  const startWorker = () => startLoggingProcess(env, (line) => (line.msg === 'notice worker running' ? true : undefined), 30_000, { command: [process.execPath, WORKER_ENTRY] });
  const processes: LoggingProcess[] = [];
  const queueKey = (name: string) => `${noticeQueuePrefix(prefix)}:notices:${name}`;
  try {
    let bot = await startBotProcess({ ...env, RUN_NOTICE_WORKERS: 'false' });
    let worker = await startWorker();
    processes.push(bot, worker);
    const say1 = async (who: Member, text: string): Promise<WireActivity | undefined> => {
      const message = activityFrom(who, connector.url, { type: 'message', text });
      assert.equal((await postActivity(bot.url, message)).status, 200);
      const reply = replies.get(message.id as string);
      replies.delete(message.id as string);
      return reply;
    };

    // Everyone links at org 1 on 5 January; the legacy people also talk to the bot at org 2 (so it can write to them there).
    for (let i = 0; i < REFUSED + LEGACY; i++) {
      const [atFirst, atSecond] = data.people[i];
      const confirm = buttons([await say1(atFirst, 'link my certification')]).find((b) => b.verb === 'link.confirm');
      assert.ok(confirm, 'a confirm button');
      assert.equal((await postActivity(bot.url, clickActivity(atFirst, connector.url, confirm.verb, confirm.cardId))).status, 200);
      if (i >= REFUSED) await say1(atSecond, 'status');
    }

    // NOTICE_LEAD_SECONDS before the first allowed day, the refused people try org 2: the bot queues their notices.
    const allowedDay = addDays(startOfUtcDay(new Date(LINKED_AT)), 30);
    const refusedAt = new Date(allowedDay.getTime() - NOTICE_LEAD_SECONDS * 1000);
    writeFileSync(data.clockFile, refusedAt.toISOString());
    for (let i = 0; i < REFUSED; i++) {
      const refusal = textOf([await say1(data.people[i][1], 'link my certification')]);
      assert.match(refusal, /I will tell you here on/, `the refusal plans the notice: ${refusal.slice(0, 200)}`);
    }
    await plantLegacyNotices(cluster, prefix, data, allowedDay, refusedAt);
    const queuedByBot = await cluster.zcard(queueKey('delayed'));
    const legacyQueued = await cluster.zcard(`${legacyNoticeQueuePrefix(prefix)}:notices:delayed`);

    // The restart: both stop, then both start together (the upgrade: the old keys are carried over by one of them).
    await Promise.all([bot.stop(), worker.stop()]);
    const pendingWhileStopped = await cluster.zcard(queueKey('delayed'));
    const restartedAt = Date.now();
    [bot, worker] = await Promise.all([startBotProcess({ ...env, RUN_NOTICE_WORKERS: 'true' }), startWorker()]);
    processes.push(bot, worker);
    const restartSeconds = (Date.now() - restartedAt) / 1000;

    const everyone = [...Array.from({ length: REFUSED }, (_, i) => data.people[i][1]), ...Array.from({ length: LEGACY }, (_, i) => data.people[REFUSED + i][1])];
    const conversations = everyone.map((who) => `a:personal-${who.aadObjectId}`);
    const queueEmpty = async () => (await Promise.all([cluster.zcard(queueKey('delayed')), cluster.llen(queueKey('wait')), cluster.llen(queueKey('active'))])).every((n) => n === 0);
    const deadline = Date.now() + (NOTICE_LEAD_SECONDS + 90) * 1000;
    while (!(notices.length >= everyone.length && (await queueEmpty()))) {
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // Time for a second send, if anything were to send twice.
    await new Promise((r) => setTimeout(r, 2000));

    const perConversation = new Map<string, number>();
    for (const n of notices) perConversation.set(n.conversationId, (perConversation.get(n.conversationId) ?? 0) + 1);
    const lines = processes.flatMap((p) => p.lines);
    const carriedOver = lines
      .map((l) => (l.startsWith('{') ? (JSON.parse(l) as { msg?: string; count?: number }) : {}))
      .filter((l) => /carried over/.test(l.msg ?? ''))
      .reduce((sum, l) => sum + (l.count ?? 0), 0);
    const legacyKeysLeft: string[] = [];
    await scanKeys(cluster, `${escapeGlob(`${legacyNoticeQueuePrefix(prefix)}:`)}*`, async (keys) => {
      legacyKeysLeft.push(...keys);
    });
    const crossSlot = lines.filter((l) => /CROSSSLOT/.test(l)).length;
    const missing = conversations.filter((c) => !perConversation.has(c));
    const duplicated = [...perConversation].filter(([, n]) => n > 1);
    const strangers = [...perConversation.keys()].filter((c) => !conversations.includes(c));
    const title = say('en', 'noticeCardTitle');

    printFigures('c. notices on the Cluster across a restart and an upgrade', {
      'notices queued by the bot (refusals)': queuedByBot,
      'notices under the old keys (earlier release)': legacyQueued,
      'still queued while bot and worker were stopped': pendingWhileStopped,
      'restart of bot + worker together, s': restartSeconds.toFixed(1),
      'carried over from the old keys (sum over processes)': carriedOver,
      'old keys left': legacyKeysLeft.length,
      'notices delivered': notices.length,
      'people missing a notice': missing.length,
      'people notified twice or more': duplicated.length,
      'notices to anyone else': strangers.length,
      'seconds from the restart to the last notice': notices.length ? ((Math.max(...notices.map((n) => n.at)) - restartedAt) / 1000).toFixed(1) : '-',
      'CROSSSLOT errors in logs': crossSlot,
    });
    assert.equal(queuedByBot, REFUSED, 'each refusal queued one notice on the Cluster');
    assert.equal(legacyQueued, LEGACY);
    assert.equal(pendingWhileStopped, REFUSED, 'the queued notices outlive the processes');
    assert.equal(carriedOver, LEGACY, 'the old keys were carried over once');
    assert.deepEqual(legacyKeysLeft, []);
    assert.deepEqual({ missing, duplicated, strangers }, { missing: [], duplicated: [], strangers: [] });
    assert.ok(
      notices.every((n) => n.text.includes(title)),
      'each is the "you can link again" notice',
    );
    assert.equal(crossSlot, 0);
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await connector.close();
    data.dispose();
  }
}

/**
 * Notices as the release before the hash tag queued them: BullMQ under `<prefix>bull`, on one
 * Redis server (its scripts touch keys of many slots, so they cannot run on a Cluster), then every
 * key copied to the Cluster with DUMP and RESTORE, as a cache switched to the OSS policy would hold them.
 */
async function plantLegacyNotices(cluster: Cluster, prefix: string, data: ReturnType<typeof makeScenarioData>, dueAt: Date, scheduledAt: Date): Promise<void> {
  const server = await connectTestRedis({ forBullmq: true });
  const base = `${legacyNoticeQueuePrefix(prefix)}:`;
  const queue = new Queue('notices', { connection: server, prefix: legacyNoticeQueuePrefix(prefix) });
  try {
    for (let i = REFUSED; i < REFUSED + LEGACY; i++) {
      const who = data.people[i][1];
      const notice = { tenantId: who.tenantId, userId: who.aadObjectId, mcid: data.mcids[i], dueAt, reason: 'refused' as const, scheduledAt };
      await queue.add('notice', toPayload(notice), {
        jobId: noticeJobId(notice),
        delay: NOTICE_LEAD_SECONDS * 1000,
        attempts: 8,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 86_400 },
      });
    }
    await scanKeys(server, `${escapeGlob(base)}*`, async (keys) => {
      for (const key of keys) {
        const [dump, ttl] = await Promise.all([server.dumpBuffer(key), server.pttl(key)]);
        if (dump) await cluster.restore(key, ttl > 0 ? ttl : 0, dump, 'REPLACE');
      }
    });
  } finally {
    await queue.close();
    await deleteKeysByPrefix(server, base);
    server.disconnect();
  }
}
