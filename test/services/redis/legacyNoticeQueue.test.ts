/**
 * Upgrading from a release whose notice queue had no hash tag (`<prefix>bull:notices:…`): its
 * pending jobs are carried over into `<prefix>{bull}:notices:…` with their ids, data and due
 * times, once, however many processes start together, and a worker then delivers each once.
 * The old queue's jobs are made the way that release made them: BullMQ's own Queue.add under the
 * old prefix, with the same job ids and options.
 */
import { strict as assert } from 'node:assert';
import { Queue, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { startNotices } from '../../../bot/proactive/startNotices';
import { createConnectorTransport } from '../../../bot/runtime/botbuilder/proactiveTransport';
import { DEFAULT_LIMITS } from '../../../services/association/types';
import { systemClock } from '../../../services/clock';
import { NoticeQueue } from '../../../services/notices/noticeStores';
import { NoticePayload, noticeJobId, toPayload } from '../../../services/notices/noticeScheduler';
import { BullmqNoticeScheduler, legacyNoticeQueuePrefix, noticeQueuePrefix } from '../../../services/redis/bullmqNoticeScheduler';
import { scanKeys } from '../../../services/redis/redisConnection';
import { redisNoticeStores } from '../../../services/redis/redisNotices';
import { ConnectorStandIn } from '../../support/notices/connectorStandIn';
import { waitFor } from '../../support/notices/waitFor';
import { connectTestRedis, deleteByPrefix, TEST_REDIS_URL, uniquePrefix } from '../../support/testRedis';

const TENANT = 'tenant-1';
const HOUR = 3_600_000;
const localApp = { microsoftAppId: '', microsoftAppPassword: '', microsoftAppType: 'MultiTenant' as const, microsoftAppTenantId: '' };

function notice(userId: string, dueAt = new Date('2026-03-02T00:00:00Z')): NoticePayload {
  return toPayload({ tenantId: TENANT, userId, mcid: `m-${userId}`, dueAt, reason: 'refused', scheduledAt: new Date('2026-02-01T10:00:00Z') });
}

/** The queue as the release before the hash tag kept it. */
function legacyQueue(redis: Redis, prefix: string): Queue<NoticePayload> {
  return new Queue<NoticePayload>('notices', { connection: redis.duplicate({ maxRetriesPerRequest: null }), prefix: legacyNoticeQueuePrefix(prefix) });
}

async function addLegacy(queue: Queue<NoticePayload>, payload: NoticePayload, delay: number): Promise<string> {
  const jobId = noticeJobId({ ...payload, dueAt: new Date(payload.dueAt) });
  await queue.add('notice', payload, { jobId, delay, attempts: 8, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: true, removeOnFail: { age: 7 * 86_400 } });
  return jobId;
}

async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  await scanKeys(redis, `${prefix}*`, async (batch) => {
    keys.push(...batch);
  });
  return keys;
}

describe('notices queued by an earlier release (no hash tag) are carried over', function () {
  this.timeout(30_000);
  let redis: Redis;
  let prefix: string;
  const open: NoticeQueue[] = [];
  const legacy: Queue[] = [];

  beforeEach(async () => {
    redis = await connectTestRedis();
    prefix = uniquePrefix('carry-over');
  });

  afterEach(async () => {
    for (const q of open.splice(0)) await q.close();
    for (const q of legacy.splice(0)) {
      await q.close();
      (await q.client).disconnect();
    }
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });

  async function openQueue(counts: number[], over: { carryOverEveryMs?: number } = {}): Promise<NoticeQueue> {
    const queue = await redisNoticeStores({ client: redis, queueTarget: TEST_REDIS_URL, keyPrefix: prefix, clock: systemClock, ...over }).openQueue({
      concurrency: 1,
      onCarriedOver: (n) => counts.push(n),
    });
    open.push(queue);
    return queue;
  }

  it('moves delayed and waiting jobs once with their ids, data and due times, however many processes start together, and deletes the rest', async () => {
    const old = legacyQueue(redis, prefix);
    legacy.push(old);
    // A notice that failed for good: its data names the person, so it must not stay behind.
    const failedId = noticeJobId({ tenantId: TENANT, userId: 'failed', dueAt: new Date('2026-03-02T00:00:00Z') });
    await old.add('notice', notice('failed'), { jobId: failedId, attempts: 1, removeOnFail: { age: 7 * 86_400 } });
    const failing = new Worker(
      'notices',
      async () => {
        throw new Error('connector gone');
      },
      { connection: redis.duplicate({ maxRetriesPerRequest: null }), prefix: legacyNoticeQueuePrefix(prefix) },
    );
    await waitFor(async () => (await old.getJobState(failedId)) === 'failed', 'the failed job');
    await failing.close();
    const start = Date.now();
    const delayed = await Promise.all([1, 2, 3, 4, 5].map(async (h) => ({ id: await addLegacy(old, notice(`late-${h}`), h * HOUR), dueAt: start + h * HOUR })));
    const waiting = await addLegacy(old, notice('due-now'), 0);
    assert.equal(await old.getJobState(waiting), 'waiting');

    // Three processes start together.
    const counts: number[] = [];
    const queues = await Promise.all([openQueue(counts), openQueue(counts), openQueue(counts)]);
    assert.deepEqual(counts, [6], 'one process moved all six pending jobs');

    const scheduler = queues[0].scheduler as BullmqNoticeScheduler;
    for (const { id, dueAt } of delayed) {
      const job = await scheduler.queue.getJob(id);
      assert.ok(job, id);
      assert.equal(await job.getState(), 'delayed');
      assert.deepEqual(job.data, notice(id.split('|')[2]));
      assert.ok(Math.abs(job.timestamp + (job.opts.delay ?? 0) - dueAt) < 2000, `${id} keeps its due time`);
    }
    assert.equal(await scheduler.queue.getJobState(waiting), 'waiting');
    assert.equal(await scheduler.queue.getJob(failedId), undefined, 'a failed job is not sent again');
    assert.deepEqual(await scheduler.queue.getJobCounts('delayed', 'wait'), { delayed: 5, wait: 1 });
    assert.deepEqual(await keysUnder(redis, `${legacyNoticeQueuePrefix(prefix)}:`), [], 'nothing is left under the old prefix');

    // A later start finds nothing to do, without taking the lock.
    const later: number[] = [];
    await openQueue(later);
    assert.deepEqual(later, []);
    assert.equal(await redis.exists(`${noticeQueuePrefix(prefix)}:notices:legacy-carry-over`), 0);
  });

  it('finishes a carry-over that stopped between copying and deleting, without a second copy', async () => {
    const old = legacyQueue(redis, prefix);
    legacy.push(old);
    const ids = await Promise.all(['a', 'b', 'c'].map((u) => addLegacy(old, notice(u), HOUR)));
    // What a process killed after the copy left: the job in both queues.
    const scheduler = new BullmqNoticeScheduler({ connection: redis.duplicate({ maxRetriesPerRequest: null }), prefix: noticeQueuePrefix(prefix) });
    await scheduler.addCarriedOver([{ id: ids[0], name: 'notice', data: JSON.stringify(notice('a')), dueAtMs: Date.now() + HOUR }]);
    await scheduler.close();
    (await scheduler.queue.client).disconnect();

    const counts: number[] = [];
    const queue = await openQueue(counts);
    assert.deepEqual(counts, [3]);
    assert.deepEqual(await (queue.scheduler as BullmqNoticeScheduler).queue.getJobCounts('delayed'), { delayed: 3 });
    assert.deepEqual(await keysUnder(redis, `${legacyNoticeQueuePrefix(prefix)}:`), []);
  });

  it('keeps carrying over while an older process still schedules under the old prefix (rolling upgrade)', async () => {
    const counts: number[] = [];
    const queue = await openQueue(counts, { carryOverEveryMs: 100 });
    assert.deepEqual(counts, []);
    const old = legacyQueue(redis, prefix);
    legacy.push(old);
    const id = await addLegacy(old, notice('during-upgrade'), HOUR);
    await waitFor(() => counts.length > 0, 'the periodic carry-over');
    assert.deepEqual(counts, [1]);
    assert.equal(await (queue.scheduler as BullmqNoticeScheduler).queue.getJobState(id), 'delayed');
  });

  it('delivers each carried-over notice once with two processes starting together', async () => {
    const standIn = new ConnectorStandIn();
    await standIn.start();
    const running: { stop(): Promise<void> }[] = [];
    try {
      const old = legacyQueue(redis, prefix);
      legacy.push(old);
      const users = Array.from({ length: 30 }, (_, i) => `u${i}`);
      const stores = () => redisNoticeStores({ client: redis, queueTarget: TEST_REDIS_URL, keyPrefix: prefix, clock: systemClock });
      for (const userId of users) {
        await stores().refs.save({ serviceUrl: standIn.url, conversationId: `conv-${userId}`, tenantId: TENANT, userId, botId: 'b', locale: 'en' });
        await addLegacy(old, notice(userId), userId === 'u0' ? 0 : 300);
      }
      const counts: number[] = [];
      const start = () =>
        startNotices({
          config: { limits: DEFAULT_LIMITS, notices: { tenantRatePerSecond: 10_000, runWorkers: true, workerConcurrency: 8, claimTtlSeconds: 600 } },
          stores: stores(),
          transport: createConnectorTransport(localApp),
          currentAvailability: async () => ({ nextDate: new Date('2026-03-02T00:00:00Z'), associationsLeft: 2, link: null, lastStartAt: null }),
          onCarriedOver: (n) => counts.push(n),
        });
      running.push(...(await Promise.all([start(), start()])));
      await waitFor(() => standIn.deliveries.length >= users.length, 'every carried-over notice');
      await new Promise((r) => setTimeout(r, 300));
      const perConversation = new Map<string, number>();
      for (const d of standIn.deliveries) perConversation.set(d.conversationId, (perConversation.get(d.conversationId) ?? 0) + 1);
      assert.deepEqual(counts, [users.length]);
      assert.deepEqual(
        users.filter((u) => perConversation.get(`conv-${u}`) !== 1),
        [],
        'each notice delivered exactly once',
      );
    } finally {
      for (const r of running) await r.stop();
      await standIn.stop();
    }
  });
});
