/**
 * Notices as BullMQ delayed jobs on the bot's Redis. The job id is
 * deterministic (person + day, noticeJobId), so the same notice cannot be
 * pending twice however many bot processes schedule it. Workers in any number
 * of processes consume the queue; the delivery ledger makes the send itself
 * happen once even when a job runs twice (stalled worker, killed process).
 *
 * BullMQ needs connections with `maxRetriesPerRequest: null` (its blocking
 * commands must not be cut short), so these are not the store's connection.
 */
import { DelayedError, Job, Queue, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { Clock, startOfUtcDay, systemClock } from '../clock';
import {
  DueNoticeHandler,
  fromPayload,
  NoticePayload,
  NoticeScheduler,
  noticeJobId,
  RetryLaterError,
  ScheduleResult,
  toPayload,
} from '../notices/noticeScheduler';
import { DueNoticeSource } from '../notices/noticeWorker';
import { NoticeRequest } from '../notices/types';
import { redisCall } from './redisNoticeStores';

export const DEFAULT_NOTICE_QUEUE = 'notices';

export interface BullmqNoticeOptions {
  /** An ioredis client made with `maxRetriesPerRequest: null`. */
  connection: Redis;
  /** BullMQ key prefix (no trailing ':'), e.g. 'certlink:bull'. */
  prefix: string;
  queueName?: string;
}

const PENDING_STATES = new Set(['delayed', 'waiting', 'active', 'prioritized', 'waiting-children']);

export class BullmqNoticeScheduler implements NoticeScheduler {
  readonly queue: Queue<NoticePayload>;

  constructor(
    opts: BullmqNoticeOptions,
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
      await this.queue.add('notice', payload, {
        jobId,
        delay: Math.max(0, new Date(payload.dueAt).getTime() - now.getTime()),
        attempts: 8,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 86_400 },
      });
      return 'scheduled';
    });
  }

  cancel(n: Pick<NoticeRequest, 'tenantId' | 'userId' | 'dueAt'>): Promise<boolean> {
    return redisCall('notices.cancel', async () => {
      const job = await this.queue.getJob(noticeJobId({ ...n, dueAt: startOfUtcDay(n.dueAt) }));
      if (!job || !['delayed', 'waiting', 'prioritized'].includes(await job.getState())) return false;
      await job.remove();
      return true;
    });
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
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
