/**
 * The notices waiting for one person, across every day they were scheduled
 * for: what "my data" lists and what an erasure cancels. Both schedulers
 * (BullMQ, in-process) implement it next to NoticeScheduler.
 */
import { DueNotice } from '../notices/types';

export interface PersonNotices {
  pendingFor(tenantId: string, userId: string): Promise<DueNotice[]>;
  /** Cancels every pending notice of the person (any day); returns how many. */
  cancelAllFor(tenantId: string, userId: string): Promise<number>;
}

export function isPersonNotices(x: unknown): x is PersonNotices {
  return typeof (x as PersonNotices)?.pendingFor === 'function' && typeof (x as PersonNotices).cancelAllFor === 'function';
}
