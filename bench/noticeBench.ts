/**
 * Notice bench: 100,000 due notices through the real path (BullMQ on Redis,
 * Redis ledger, botbuilder connector transport) to a local connector stand-in.
 * Prints:
 *  1. unthrottled throughput (target >= 1,000 notices/s);
 *  2. the per-tenant ceiling held when the stand-in enforces 50/s per tenant
 *     (max sends of any tenant in any 1 s window, and the 429s it took);
 *  3. losses and duplicates (target 0);
 * then the same for renewal reminders (a certification in its renewal window, checked against
 * the person's link and profile when due, its card in the person's language).
 * Redis keys are removed by prefix afterwards (never FLUSHALL: Redis is shared).
 * Run alone: npm run bench:notices (BENCH_NOTICES=20000 for a shorter run).
 */
import { ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Redis from 'ioredis';
import { createConnectorTransport } from '../bot/runtime/botbuilder/proactiveTransport';
import { Notices, startNotices } from '../bot/proactive/startNotices';
import { systemClock } from '../services/clock';
import { redisNoticeStores } from '../services/redis/redisNotices';
import { noticeJobId, toPayload } from '../services/notices/noticeScheduler';
import { BullmqNoticeScheduler } from '../services/redis/bullmqNoticeScheduler';
import { deleteKeysByPrefix } from '../services/redis/redisConnection';
import { Attempt, Delivery, maxPerTenantPerSecond } from '../test/support/notices/connectorStandIn';
import { DEFAULT_LIMITS } from '../services/association/types';
import { benchRequest, Kind, renewalDeps } from './noticeBenchKinds';
import { renewalHandlers } from '../bot/proactive/renewalNotices';

export interface NoticeBenchResult {
  /** What was queued: "you can link again" notices, or renewal reminders. */
  kind: Kind;
  notices: number;
  workers: number;
  enqueueSeconds: number;
  deliverSeconds: number;
  throughputPerSecond: number;
  lost: number;
  duplicated: number;
  ceiling: {
    configuredPerSecond: number;
    tenants: number;
    noticesPerTenant: number;
    maxAcceptedInAnySecond: number;
    maxAttemptsInAnySecond: number;
    throttled429: number;
    lost: number;
    duplicated: number;
  };
  /** The same measures for renewal reminders, when both kinds ran. */
  renewals?: Omit<NoticeBenchResult, 'renewals'>;
}

/** The stand-in, run in a child process (see connectorStandInChild.ts). */
class RemoteStandIn {
  url = '';
  deliveries: Delivery[] = [];
  attempts: Attempt[] = [];
  private child: ChildProcess | null = null;

  async start(opts: { tenantCeilingPerSecond?: number }): Promise<void> {
    const child = fork(path.join(__dirname, '../test/support/notices/connectorStandInChild.js'), [JSON.stringify(opts)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    this.url = await new Promise<string>((resolve) => child.once('message', (m: { url: string }) => resolve(m.url)));
  }

  private ask<T>(what: 'count' | 'report'): Promise<T> {
    const child = this.child!;
    return new Promise((resolve) => {
      const on = (m: { kind: string }) => {
        if (m.kind !== what) return;
        child.off('message', on);
        resolve(m as T);
      };
      child.on('message', on);
      child.send(what);
    });
  }

  async count(): Promise<number> {
    return (await this.ask<{ deliveries: number }>('count')).deliveries;
  }

  async stop(): Promise<void> {
    const r = await this.ask<{ deliveries: [string, string, number][]; attempts: [string, string, number, number][] }>('report');
    this.deliveries = r.deliveries.map(([conversationId, tenantId, at]) => ({ conversationId, tenantId, at }));
    this.attempts = r.attempts.map(([conversationId, tenantId, at, status]) => ({ conversationId, tenantId, at, status }));
    this.child?.kill();
  }

  deliveryCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const d of this.deliveries) counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
    return counts;
  }
}

const localApp = { microsoftAppId: '', microsoftAppPassword: '', microsoftAppType: 'MultiTenant' as const, microsoftAppTenantId: '' };

async function phase(opts: {
  redisUrl: string;
  redis: Redis;
  prefix: string;
  tenants: number;
  perTenant: number;
  ratePerSecond: number;
  standInCeiling?: number;
  workers: number;
  concurrency: number;
  kind?: Kind;
}): Promise<{ standIn: RemoteStandIn; ids: string[]; enqueueSeconds: number; deliverSeconds: number; instances: Notices[] }> {
  const standIn = new RemoteStandIn();
  await standIn.start({ tenantCeilingPerSecond: opts.standInCeiling });
  const instances: Notices[] = [];
  for (let w = 0; w < opts.workers; w++) {
    instances.push(
      await startNotices({
        config: {
          limits: DEFAULT_LIMITS,
          notices: { tenantRatePerSecond: 50, runWorkers: false, workerConcurrency: opts.concurrency, claimTtlSeconds: 600 },
        },
        stores: redisNoticeStores({ client: opts.redis, queueTarget: opts.redisUrl, keyPrefix: opts.prefix, clock: systemClock }),
        transport: createConnectorTransport(localApp),
        currentAvailability: async () => ({ nextDate: new Date(0), associationsLeft: 2, link: null, lastStartAt: null }),
        delivery: { tenantRatePerSecond: opts.ratePerSecond },
        runWorkers: false,
      }),
    );
  }
  const ids: { tenantId: string; userId: string }[] = [];
  for (let t = 0; t < opts.tenants; t++) for (let u = 0; u < opts.perTenant; u++) ids.push({ tenantId: `tenant-${t}`, userId: `user-${t}-${u}` });

  // Conversation references, as installs would have saved them.
  const refs = instances[0].refs;
  for (let i = 0; i < ids.length; i += 2000) {
    await Promise.all(ids.slice(i, i + 2000).map((p) => refs.save({ serviceUrl: standIn.url, conversationId: `conv-${p.userId}`, tenantId: p.tenantId, userId: p.userId, botId: 'bot', locale: 'en' })));
  }

  // Every notice due now, queued with its deterministic id.
  const queue = (instances[0].scheduler as BullmqNoticeScheduler).queue;
  await queue.pause();
  const t0 = Date.now();
  const now = new Date();
  const day = new Date(now.toISOString().slice(0, 10));
  for (let i = 0; i < ids.length; i += 1000) {
    await queue.addBulk(
      ids.slice(i, i + 1000).map((p) => {
        const n = { ...benchRequest(opts.kind ?? 'notice', p, day), scheduledAt: now };
        return { name: 'notice', data: toPayload(n), opts: { jobId: noticeJobId(n), removeOnComplete: true, attempts: 8 } };
      }),
    );
  }
  const enqueueSeconds = (Date.now() - t0) / 1000;
  await queue.resume();

  // The workers start now: delivery time is measured from here to the last delivery.
  const restarted: Notices[] = [];
  const t1 = Date.now();
  for (let w = 0; w < opts.workers; w++) {
    restarted.push(
      await startNotices({
        config: {
          limits: DEFAULT_LIMITS,
          notices: { tenantRatePerSecond: 50, runWorkers: true, workerConcurrency: opts.concurrency, claimTtlSeconds: 600 },
        },
        stores: redisNoticeStores({ client: opts.redis, queueTarget: opts.redisUrl, keyPrefix: opts.prefix, clock: systemClock }),
        transport: createConnectorTransport(localApp),
        currentAvailability: async () => ({ nextDate: new Date(0), associationsLeft: 2, link: null, lastStartAt: null }),
        delivery: { tenantRatePerSecond: opts.ratePerSecond },
        renewals: opts.kind === 'renewal' ? renewalHandlers(renewalDeps(now)) : undefined,
      }),
    );
  }
  const deadline = Date.now() + 120_000;
  for (;;) {
    const c = await queue.getJobCounts('wait', 'active', 'delayed');
    if (c.wait + c.active + c.delayed === 0 && (await standIn.count()) >= ids.length) break;
    if (c.wait + c.active + c.delayed === 0 && Date.now() > t1 + 5_000) break;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  for (const n of [...restarted, ...instances]) await n.stop();
  await standIn.stop();
  const last = standIn.deliveries.reduce((m, d) => Math.max(m, d.at), t1);
  const deliverSeconds = (last - t1) / 1000;
  return { standIn, ids: ids.map((p) => `conv-${p.userId}`), enqueueSeconds, deliverSeconds, instances: restarted };
}

function lossesAndDuplicates(standIn: RemoteStandIn, ids: string[]): { lost: number; duplicated: number } {
  const counts = standIn.deliveryCounts();
  let lost = 0;
  let duplicated = 0;
  for (const id of ids) {
    const n = counts.get(id) ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicated += n - 1;
  }
  return { lost, duplicated };
}

export async function runNoticeBench(opts: { notices?: number; redisUrl?: string; print?: boolean; kinds?: Kind[] } = {}): Promise<NoticeBenchResult> {
  const total = opts.notices ?? Number(process.env.BENCH_NOTICES ?? 100_000);
  const redisUrl = opts.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const prefix = `certlink-bench:notices:${randomUUID().slice(0, 8)}:`;
  const kinds = opts.kinds ?? (process.env.BENCH_NOTICE_KINDS?.split(',') as Kind[] | undefined) ?? ['notice', 'renewal'];
  try {
    await redis.ping();
    const results: KindResult[] = [];
    for (const kind of kinds) results.push(await measure(kind, { redisUrl, redis, prefix: `${prefix}${kind}:`, total }));
    const [first, ...rest] = results;
    const result: NoticeBenchResult = { ...first, ...(rest.length > 0 ? { renewals: rest[0] } : {}) };
    if (opts.print !== false) for (const r of results) printResult(r);
    return result;
  } finally {
    await deleteKeysByPrefix(redis, prefix);
    redis.disconnect();
  }
}

type KindResult = Omit<NoticeBenchResult, 'renewals'>;

/** One kind through both phases: unthrottled with 2 workers, then 3 tenants held at 50/s by a stand-in that answers 429 beyond it. */
async function measure(kind: Kind, o: { redisUrl: string; redis: Redis; prefix: string; total: number }): Promise<KindResult> {
  const workers = 2;
  const tenants = 100;
  const main = await phase({
    redisUrl: o.redisUrl,
    redis: o.redis,
    prefix: `${o.prefix}a:`,
    tenants,
    perTenant: Math.ceil(o.total / tenants),
    ratePerSecond: Infinity,
    workers,
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 300),
    kind,
  });
  const mainLD = lossesAndDuplicates(main.standIn, main.ids);

  const ceilingRate = 50;
  const ceilTenants = 3;
  const perTenant = 250;
  const ceil = await phase({ redisUrl: o.redisUrl, redis: o.redis, prefix: `${o.prefix}b:`, tenants: ceilTenants, perTenant, ratePerSecond: ceilingRate, standInCeiling: ceilingRate, workers: 1, concurrency: 100, kind });
  const ceilLD = lossesAndDuplicates(ceil.standIn, ceil.ids);
  return {
    kind,
    notices: main.ids.length,
    workers,
    enqueueSeconds: main.enqueueSeconds,
    deliverSeconds: main.deliverSeconds,
    // Delivered, not queued: a run cut short by its deadline must not claim the notices it lost.
    throughputPerSecond: Math.round((main.ids.length - mainLD.lost) / main.deliverSeconds),
    lost: mainLD.lost,
    duplicated: mainLD.duplicated,
    ceiling: {
      configuredPerSecond: ceilingRate,
      tenants: ceilTenants,
      noticesPerTenant: perTenant,
      maxAcceptedInAnySecond: Math.max(...maxPerTenantPerSecond(ceil.standIn.deliveries).values()),
      maxAttemptsInAnySecond: Math.max(...maxPerTenantPerSecond(ceil.standIn.attempts).values()),
      throttled429: ceil.standIn.attempts.filter((a) => a.status === 429).length,
      lost: ceilLD.lost,
      duplicated: ceilLD.duplicated,
    },
  };
}

function printResult(r: KindResult): void {
  const lines = [
    `notices bench (${r.kind === 'renewal' ? 'renewal reminders' : '"you can link again"'}): ${r.notices.toLocaleString('en')} due notices, ${r.workers} BullMQ workers, Redis ledger, botbuilder transport, local connector stand-in`,
    `  enqueue                 ${r.enqueueSeconds.toFixed(1)} s`,
    `  unthrottled throughput  ${r.throughputPerSecond.toLocaleString('en')} notices/s (${r.deliverSeconds.toFixed(1)} s; target >= 1,000)`,
    `  losses / duplicates     ${r.lost} / ${r.duplicated} (target 0 / 0)`,
    `  per-tenant ceiling      configured ${r.ceiling.configuredPerSecond}/s, ${r.ceiling.tenants} tenants x ${r.ceiling.noticesPerTenant}: ` +
      `max ${r.ceiling.maxAcceptedInAnySecond} delivered and ${r.ceiling.maxAttemptsInAnySecond} requests in any 1 s window, ` +
      `${r.ceiling.throttled429} x 429, losses/duplicates ${r.ceiling.lost}/${r.ceiling.duplicated}`,
  ];
  console.log(lines.join('\n'));
}

if (require.main === module) {
  runNoticeBench().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
