/**
 * Schedules "you can link again" notices. Two implementations share this
 * interface: BullMQ delayed jobs on Redis (services/redis/bullmqNoticeScheduler.ts)
 * and in-process timers for the embedded store (services/memory/inProcessNoticeScheduler.ts).
 * Both dedupe on (tenant, user, day): the same notice cannot be queued twice.
 */
import { DueNotice, NoticeRequest, utcDay } from './types';

export type ScheduleResult = 'scheduled' | 'alreadyScheduled';

export interface NoticeScheduler {
  schedule(notice: NoticeRequest): Promise<ScheduleResult>;
  /** True when a pending notice was removed. */
  cancel(notice: NoticeIdentity): Promise<boolean>;
}

/** What a worker does with a due notice; throwing RetryLaterError asks for another try after `afterMs`. */
export type DueNoticeHandler = (notice: DueNotice) => Promise<void>;

export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly afterMs: number,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/** What names a pending notice: the person and day, and for a renewal or digest what it is about. */
export type NoticeIdentity = Pick<NoticeRequest, 'tenantId' | 'userId' | 'dueAt' | 'renewal' | 'digest'>;

/**
 * A job id BullMQ accepts: it refuses ids with ':' (they collide with its own
 * key layout) and ids that parse as integers, so parts are URI-encoded
 * (':' becomes %3A) and joined with '|'. Every id starts with the person, so an
 * erasure finds them all. A renewal reminder is named by its certification,
 * expiry day and stage, not by the day it fires: planned again on another day,
 * it is still the same job. A digest is named by its month's first day.
 */
export function noticeJobId(n: NoticeIdentity): string {
  const person = ['notice', encodeURIComponent(n.tenantId), encodeURIComponent(n.userId)];
  if (n.renewal) return [...person, n.renewal.expiresOn, 'renewal', encodeURIComponent(n.renewal.title), n.renewal.stage].join('|');
  if (n.digest) return [...person, utcDay(n.dueAt), 'digest', encodeURIComponent(n.digest.mpnId)].join('|');
  return [...person, utcDay(n.dueAt)].join('|');
}

/** The JSON a queued notice travels as. */
export interface NoticePayload {
  tenantId: string;
  userId: string;
  mcid: string;
  dueAt: string;
  reason: DueNotice['reason'];
  scheduledAt: string;
  renewal?: DueNotice['renewal'];
  digest?: DueNotice['digest'];
}

export function toPayload(n: DueNotice): NoticePayload {
  return { ...n, dueAt: n.dueAt.toISOString(), scheduledAt: n.scheduledAt.toISOString() };
}

export function fromPayload(p: NoticePayload): DueNotice {
  return {
    tenantId: p.tenantId,
    userId: p.userId,
    mcid: p.mcid,
    reason: p.reason,
    dueAt: new Date(p.dueAt),
    scheduledAt: new Date(p.scheduledAt),
    ...(p.renewal ? { renewal: p.renewal } : {}),
    ...(p.digest ? { digest: p.digest } : {}),
  };
}
