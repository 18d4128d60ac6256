/**
 * Notices on BullMQ and real Redis: a short real delay (Redis time cannot be
 * faked), two workers on one queue, and a worker process killed mid-batch.
 */
import { strict as assert } from 'node:assert';
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type Redis from 'ioredis';
import { Notices, startNotices, StartNoticesDeps } from '../../../bot/proactive/startNotices';
import { createConnectorTransport } from '../../../bot/runtime/botbuilder/proactiveTransport';
import { noticeJobId, toPayload } from '../../../services/notices/noticeScheduler';
import { BullmqNoticeScheduler } from '../../../services/redis/bullmqNoticeScheduler';
import { ConnectorStandIn } from '../../support/notices/connectorStandIn';
import { deleteByPrefix, connectTestRedis, TEST_REDIS_URL, uniquePrefix } from '../../support/testRedis';
import { waitFor } from '../../support/notices/waitFor';
import { DEFAULT_LIMITS } from '../../../services/association/types';
import { systemClock } from '../../../services/clock';
import { redisNoticeStores } from '../../../services/redis/redisNotices';

const localApp = { microsoftAppId: '', microsoftAppPassword: '', microsoftAppType: 'MultiTenant' as const, microsoftAppTenantId: '' };
const TENANT = 'tenant-1';

describe('notices on BullMQ + Redis', function () {
  this.timeout(30_000);
  let redis: Redis;
  let standIn: ConnectorStandIn;
  let prefix: string;
  const running: Notices[] = [];
  let child: ChildProcess | null = null;

  beforeEach(async () => {
    redis = await connectTestRedis();
    prefix = uniquePrefix('bullmq-notices');
    standIn = new ConnectorStandIn();
    await standIn.start();
  });

  afterEach(async () => {
    child?.kill('SIGKILL');
    child = null;
    for (const n of running.splice(0)) await n.stop();
    await standIn.stop();
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });

  async function start(over: Partial<StartNoticesDeps> = {}): Promise<Notices> {
    const notices = await startNotices({
      config: {
        limits: DEFAULT_LIMITS,
        notices: { tenantRatePerSecond: 10_000, runWorkers: true, workerConcurrency: 8, claimTtlSeconds: 600 },
      },
      stores: redisNoticeStores({ client: redis, queueTarget: TEST_REDIS_URL, keyPrefix: prefix, clock: systemClock }),
      transport: createConnectorTransport(localApp),
      currentAvailability: async () => ({ nextDate: new Date(0), associationsLeft: 2, link: null, lastStartAt: null }),
      delivery: { claimTtlMs: 2000 },
      bullmq: { lockDurationMs: 1000, stalledIntervalMs: 500 },
      ...over,
    });
    running.push(notices);
    return notices;
  }

  async function people(notices: Notices, count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, (_, i) => `user-${i}`);
    for (const userId of ids) {
      await notices.refs.save({ serviceUrl: standIn.url, conversationId: `conv-${userId}`, tenantId: TENANT, userId, botId: 'b', locale: 'en' });
    }
    return ids;
  }

  function assertEachDeliveredOnce(ids: string[]): void {
    const counts = standIn.deliveryCounts();
    const missing = ids.filter((id) => !counts.has(`conv-${id}`));
    const duplicated = [...counts].filter(([, n]) => n > 1);
    assert.deepEqual({ missing, duplicated }, { missing: [], duplicated: [] });
    assert.equal(counts.size, ids.length);
  }

  it('fires a delayed notice once, after its delay; the same notice cannot be queued twice; cancel removes it', async () => {
    const notices = await start();
    const [alice, bob] = await people(notices, 2);
    const soon = new Date(Date.now() + 200);
    const scheduler = notices.scheduler as BullmqNoticeScheduler;
    const late = (userId: string) => ({ tenantId: TENANT, userId, mcid: `m-${userId}`, dueAt: soon, reason: 'refused' as const });
    // dueAt is a day; the bench of real time is the delay: schedule through the queue with a 200 ms delay.
    const payload = toPayload({ ...late(alice), scheduledAt: new Date() });
    await scheduler.queue.add('notice', payload, { jobId: noticeJobId(late(alice)), delay: 200 });
    assert.equal(await scheduler.schedule(late(alice)), 'alreadyScheduled');
    const farDay = new Date(Date.now() + 5 * 86_400_000);
    assert.equal(await notices.scheduler.schedule({ ...late(bob), dueAt: farDay }), 'scheduled');
    assert.equal(await notices.scheduler.schedule({ ...late(bob), dueAt: farDay }), 'alreadyScheduled');
    assert.equal(standIn.deliveries.length, 0, 'nothing before the delay');
    await waitFor(() => standIn.deliveries.length === 1, 'the delayed notice');
    assert.equal(await notices.scheduler.cancel({ ...late(bob), dueAt: farDay }), true);
    assert.equal(await scheduler.queue.getDelayedCount(), 0);
    await new Promise((r) => setTimeout(r, 300));
    assertEachDeliveredOnce([alice]);
  });

  it('two workers on one queue deliver each notice once, even when a job is delivered twice', async () => {
    const first = await start();
    const second = await start();
    const ids = await people(first, 100);
    const now = new Date();
    for (const userId of ids) {
      const notice = { tenantId: TENANT, userId, mcid: `m-${userId}`, dueAt: now, reason: 'notifyMe' as const };
      await first.scheduler.schedule(notice);
      await second.scheduler.schedule(notice);
    }
    // Redelivered jobs (same notice, other job ids), as a stalled job would be: the ledger must stop them.
    const queue = (first.scheduler as BullmqNoticeScheduler).queue;
    for (const userId of ids.slice(0, 20)) {
      await queue.add('notice', toPayload({ tenantId: TENANT, userId, mcid: `m-${userId}`, dueAt: new Date(now.toISOString().slice(0, 10)), reason: 'notifyMe', scheduledAt: now }));
    }
    await waitFor(async () => (await queue.getJobCounts('wait', 'active', 'delayed')).wait === 0 && standIn.deliveries.length >= 100, 'all notices');
    await waitFor(async () => {
      const c = await queue.getJobCounts('wait', 'active', 'delayed');
      return c.wait + c.active + c.delayed === 0;
    }, 'an empty queue');
    assertEachDeliveredOnce(ids);
    const sent = first.stats().sent + second.stats().sent;
    const duplicate = first.stats().duplicate + second.stats().duplicate;
    assert.equal(sent, 100);
    assert.equal(duplicate, 20);
  });

  it('a worker killed -9 mid-batch loses nothing and duplicates nothing once another takes over', async () => {
    const scheduling = await start({ runWorkers: false });
    const ids = await people(scheduling, 60);
    const queueName = 'notices';
    standIn.holdAfter(20); // after 20 deliveries, every send hangs: the worker is caught mid-send
    child = fork(path.join(__dirname, '../../support/notices/noticeWorkerChild.js'), [], {
      env: { ...process.env, TEST_REDIS_URL, NOTICE_PREFIX: prefix, NOTICE_QUEUE: queueName, NOTICE_CLAIM_TTL_MS: '2000', NOTICE_CONCURRENCY: '4' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child!.once('message', () => resolve());
      child!.once('exit', (code) => reject(new Error(`worker child exited early (${code})`)));
    });
    const now = new Date();
    for (const userId of ids) await scheduling.scheduler.schedule({ tenantId: TENANT, userId, mcid: `m-${userId}`, dueAt: now, reason: 'refused' });
    // All 4 of the child's slots are in a send: every earlier send has been answered and marked.
    await standIn.whenHolding(4);
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    child = null;
    await waitFor(() => standIn.heldCount === 0, 'the killed worker’s connections to close');
    standIn.releaseHeld();
    assert.equal(standIn.deliveries.length, 20);

    const takeover = await start();
    await waitFor(() => standIn.deliveries.length >= 60, 'the other worker to deliver the rest', 20_000);
    await waitFor(async () => {
      const c = await (scheduling.scheduler as BullmqNoticeScheduler).queue.getJobCounts('wait', 'active', 'delayed');
      return c.wait + c.active + c.delayed === 0;
    }, 'an empty queue');
    assertEachDeliveredOnce(ids);
    assert.equal(takeover.stats().sent, 40);
  });
});
