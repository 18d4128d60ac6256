/**
 * Notices as BullMQ delayed jobs on the bot's Redis, one server or a Cluster. The job id is
 * deterministic (person + day, noticeJobId), so the same notice cannot be pending twice however
 * many bot processes schedule it. Workers in any number of processes consume the queue; the
 * delivery ledger makes the send itself happen once even when a job runs twice (stalled worker,
 * killed process).
 *
 * BullMQ's prefix carries a hash tag (noticeQueuePrefix): every key of the queue, the ones its
 * scripts are given and the ones they build from the prefix, hashes to one slot, which is what
 * Redis Cluster (and a sharded database behind a proxy) needs to run them.
 *
 * BullMQ needs connections with `maxRetriesPerRequest: null` (its blocking
 * commands must not be cut short), so these are not the store's connection.
 */
import { DelayedError, Job, JobsOptions, Queue, Worker } from 'bullmq';
import { Clock, startOfUtcDay, systemClock } from '../clock';
import { DueNoticeHandler, fromPayload, NoticeIdentity, NoticePayload, NoticeScheduler, noticeJobId, RetryLaterError, ScheduleResult, toPayload } from '../notices/noticeScheduler';
import { DueNoticeSource } from '../notices/noticeWorker';
import { DueNotice, NoticeRequest } from '../notices/types';
import { PersonNotices } from '../privacy/personNotices';
import { LegacyJob } from './legacyNoticeQueue';
import { escapeGlob, RedisClient, scanKeys } from './redisConnection';
import { redisCall } from './redisNoticeStores';

export const DEFAULT_NOTICE_QUEUE = 'notices';

/** BullMQ's prefix under a store prefix: `certlink:{bull}`, so a queue's keys share one hash slot. */
export function noticeQueuePrefix(keyPrefix: string): string {
  return `${keyPrefix}{bull}`;
}

/** The prefix of releases before the hash tag (keys spread over slots); legacyNoticeQueue.ts carries its jobs over. */
export function legacyNoticeQueuePrefix(keyPrefix: string): string {
  return `${keyPrefix}bull`;
}

export interface BullmqNoticeOptions {
  /** An ioredis client or Cluster made with `maxRetriesPerRequest: null` (createQueueConnection). */
  connection: RedisClient;
  /** BullMQ key prefix (no trailing ':'), from noticeQueuePrefix. */
  prefix: string;
  queueName?: string;
}

/** How every notice job is kept: retried on errors, gone once done, failed ones kept a week to look at. */
const JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 86_400 },
};

const PENDING_STATES = new Set(['delayed', 'waiting', 'active', 'prioritized', 'waiting-children']);

export class BullmqNoticeScheduler implements NoticeScheduler, PersonNotices {
  readonly queue: Queue<NoticePayload>;

  constructor(
    private readonly opts: BullmqNoticeOptions,
    private readonly clock: Clock = systemClock,
  ) {
    this.queue = new Queue<NoticePayload>(opts.queueName ?? DEFAULT_NOTICE_QUEUE, {
      connection: opts.connection,
      prefix: opts.prefix,
    });
  }

  /**
   * 'alreadyScheduled' when this person's notice for that day is pending. Two
   * processes racing may both hear 'scheduled'; BullMQ still keeps one job.
   */
  schedule(request: NoticeRequest): Promise<ScheduleResult> {
    const now = this.clock.now();
    const payload = toPayload({ ...request, dueAt: startOfUtcDay(request.dueAt), scheduledAt: now });
    const jobId = noticeJobId({ ...request, dueAt: startOfUtcDay(request.dueAt) });
    return redisCall('notices.schedule', async () => {
      const existing = await this.queue.getJob(jobId);
      if (existing && PENDING_STATES.has(await existing.getState())) return 'alreadyScheduled';
      if (existing) await existing.remove().catch(() => undefined); // a finished job of the same id would block the add
      await this.enqueue('notice', jobId, payload, Math.max(0, new Date(payload.dueAt).getTime() - now.getTime()));
      return 'scheduled';
    });
  }

  /** One job of a kind (BullMQ's job name), under its deterministic id, run after `delayMs`. */
  private async enqueue(kind: string, jobId: string, data: NoticePayload, delayMs: number): Promise<void> {
    await this.queue.add(kind, data, { ...JOB_OPTIONS, jobId, delay: delayMs });
  }

  /** Jobs carried over from the queue of an earlier release, with their ids and due times (an id already queued stays as it is). */
  async addCarriedOver(jobs: LegacyJob[]): Promise<void> {
    const now = Date.now();
    await this.queue.addBulk(jobs.map((job) => ({ name: job.name, data: JSON.parse(job.data) as NoticePayload, opts: { ...JOB_OPTIONS, jobId: job.id, delay: Math.max(0, job.dueAtMs - now) } })));
  }

  cancel(n: NoticeIdentity): Promise<boolean> {
    return redisCall('notices.cancel', async () => {
      const job = await this.queue.getJob(noticeJobId({ ...n, dueAt: startOfUtcDay(n.dueAt) }));
      if (!job || !['delayed', 'waiting', 'prioritized'].includes(await job.getState())) return false;
      await job.remove();
      return true;
    });
  }

  /**
   * The person's jobs in any state, found by their job keys (`<prefix>:<queue>:notice|<tenant>|<user>|<day>`)
   * (renewal reminders and digests add what they are about after the day)
   * with SCAN (every master of a Cluster): job ids carry the person, so no index of them is needed.
   * Erasures and exports are rare; a SCAN over the keyspace is their cost.
   */
  private async jobsOf(tenantId: string, userId: string): Promise<Job<NoticePayload>[]> {
    const base = `${this.opts.prefix}:${this.opts.queueName ?? DEFAULT_NOTICE_QUEUE}:`;
    const idPrefix = noticeJobId({ tenantId, userId, dueAt: new Date(0) }).replace(/[^|]*$/, '');
    // The day, then for a renewal reminder or a digest what it is about (noticeJobId).
    const exact = new RegExp(`^${escapeRegExp(base + idPrefix)}\\d{4}-\\d{2}-\\d{2}(\\|(renewal|digest)\\|[^|:]+(\\|(window|lastCall))?)?$`);
    const ids = new Set<string>();
    await scanKeys(this.opts.connection, `${escapeGlob(base + idPrefix)}*`, async (keys) => {
      for (const key of keys) if (exact.test(key)) ids.add(key.slice(base.length));
    });
    const jobs = await Promise.all([...ids].map((id) => this.queue.getJob(id)));
    return jobs.filter((j): j is Job<NoticePayload> => j !== undefined && j !== null);
  }

  pendingFor(tenantId: string, userId: string): Promise<DueNotice[]> {
    return redisCall('notices.pendingFor', async () => {
      const out: DueNotice[] = [];
      for (const job of await this.jobsOf(tenantId, userId)) if (PENDING_STATES.has(await job.getState())) out.push(fromPayload(job.data));
      return out;
    });
  }

  /** Removes the person's jobs whatever their state (failed ones too: they still hold the MCID). A job being sent now cannot be removed. */
  cancelAllFor(tenantId: string, userId: string): Promise<number> {
    return redisCall('notices.cancelAllFor', async () => {
      let n = 0;
      for (const job of await this.jobsOf(tenantId, userId)) {
        if ((await job.getState()) === 'active') continue;
        await job.remove();
        n++;
      }
      return n;
    });
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface BullmqWorkerOptions extends BullmqNoticeOptions {
  /** Notices handled at once by this process (default 50); the per-tenant pacer still applies. */
  concurrency?: number;
  /** How long a job stays owned by a worker that stopped answering (BullMQ default 30 s). */
  lockDurationMs?: number;
  /** How often stalled jobs of dead workers are looked for (BullMQ default 30 s). */
  stalledIntervalMs?: number;
  onError?: (err: Error) => void;
}

/** The BullMQ side of startNoticeWorker: hands each due job to the notice handler. */
export class BullmqNoticeSource implements DueNoticeSource {
  private worker: Worker<NoticePayload> | null = null;

  constructor(private readonly opts: BullmqWorkerOptions) {}

  start(handler: DueNoticeHandler): void {
    if (this.worker) throw new Error('already started');
    this.worker = new Worker<NoticePayload>(
      this.opts.queueName ?? DEFAULT_NOTICE_QUEUE,
      async (job: Job<NoticePayload>, token?: string) => {
        try {
          await handler(fromPayload(job.data));
        } catch (err) {
          if (!(err instanceof RetryLaterError)) throw err;
          // Another worker holds the notice: look again later without using up an attempt.
          await job.moveToDelayed(Date.now() + err.afterMs, token);
          throw new DelayedError();
        }
      },
      {
        connection: this.opts.connection,
        prefix: this.opts.prefix,
        concurrency: this.opts.concurrency ?? 50,
        // Undefined would override BullMQ's defaults (and be refused): pass only what was set.
        ...(this.opts.lockDurationMs !== undefined ? { lockDuration: this.opts.lockDurationMs } : {}),
        ...(this.opts.stalledIntervalMs !== undefined ? { stalledInterval: this.opts.stalledIntervalMs } : {}),
      },
    );
    this.worker.on('error', (err) => this.opts.onError?.(err));
  }

  /** Waits for running jobs to finish. */
  async stop(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }

  /** For tests: resolves when the worker is connected and taking jobs. */
  async ready(): Promise<void> {
    await this.worker?.waitUntilReady();
  }
}
