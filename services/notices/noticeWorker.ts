/**
 * What happens when a notice comes due: look at the person's state again
 * (it may have changed since the notice was scheduled), then deliver once.
 * - linked meanwhile (an association started after scheduling): stale, dropped;
 * - the allowed date moved later: stale, a notice for the new date is scheduled;
 * - notices turned off: skipped;
 * - otherwise: delivered through NoticeDelivery (exactly-once ledger, pacing).
 */
import { startOfUtcDay } from '../clock';
import { NoticePreferenceStore } from './conversationRefStore';
import { NoticeDelivery } from './delivery';
import { DueNoticeHandler, NoticeScheduler, RetryLaterError } from './noticeScheduler';
import { ConversationRef, DueNotice, noticeKey } from './types';

/** The person's situation now, as the bot reads it from AssociationService.status. */
export interface CurrentAvailability {
  /** First day a new association is allowed (today or earlier when allowed now). */
  nextDate: Date;
  /** Associations still allowed in the current window. */
  associationsLeft: number;
  /** The link that exists now, if any. */
  link: { mpnId: string; orgName: string; since: Date } | null;
  /** Start of the MCID's latest association: after the notice was scheduled = the person has linked meanwhile. */
  lastStartAt: Date | null;
}

export type NoticeOutcome = 'sent' | 'duplicate' | 'dropped' | 'failed' | 'stale' | 'rescheduled' | 'optedOut';

export interface NoticeWorkerDeps {
  delivery: NoticeDelivery;
  prefs: NoticePreferenceStore;
  /** Where a notice whose date moved is scheduled again. */
  scheduler: NoticeScheduler;
  currentAvailability(mcid: string): Promise<CurrentAvailability>;
  /** The card for this person, in their locale (cards/noticeCard.ts). */
  card(notice: DueNotice, now: CurrentAvailability, ref: ConversationRef): object;
  /** Another worker holds the notice: try again after this long (default: the claim TTL, 10 min). */
  inFlightRetryMs?: number;
  /** Told the outcome of every due notice (logs, tests). */
  onOutcome?(notice: DueNotice, outcome: NoticeOutcome): void;
  /** Renewal reminders and monthly digests, on the same queue (services/renewals); absent, they are dropped as stale. */
  renewals?(notice: DueNotice): Promise<NoticeOutcome>;
}

export async function handleDueNotice(notice: DueNotice, deps: NoticeWorkerDeps): Promise<NoticeOutcome> {
  const report = (outcome: NoticeOutcome): NoticeOutcome => {
    deps.onOutcome?.(notice, outcome);
    return outcome;
  };
  if (notice.renewal || notice.digest) return report(deps.renewals ? await deps.renewals(notice) : 'stale');
  const [now, enabled] = await Promise.all([deps.currentAvailability(notice.mcid), deps.prefs.noticesEnabled(notice.tenantId, notice.userId)]);
  if (now.lastStartAt && now.lastStartAt.getTime() > notice.scheduledAt.getTime()) {
    deps.delivery.count('stale');
    return report('stale');
  }
  const nextDay = startOfUtcDay(now.nextDate);
  if (nextDay.getTime() > startOfUtcDay(notice.dueAt).getTime()) {
    deps.delivery.count('stale');
    await deps.scheduler.schedule({ ...notice, dueAt: nextDay });
    deps.delivery.count('rescheduled');
    return report('rescheduled');
  }
  if (!enabled) {
    deps.delivery.count('optedOut');
    return report('optedOut');
  }
  const outcome = await deps.delivery.deliver({
    key: noticeKey(notice),
    tenantId: notice.tenantId,
    userId: notice.userId,
    card: (ref) => deps.card(notice, now, ref),
  });
  if (outcome === 'inFlight') throw new RetryLaterError('another worker is sending this notice', deps.inFlightRetryMs ?? 10 * 60_000);
  return report(outcome);
}

export function createNoticeHandler(deps: NoticeWorkerDeps): DueNoticeHandler {
  return async (notice) => {
    await handleDueNotice(notice, deps);
  };
}

/** Anything that hands due notices to a handler: the in-process scheduler, or a BullMQ worker. */
export interface DueNoticeSource {
  start(handler: DueNoticeHandler): void;
  stop(): Promise<void>;
}

export interface RunningNoticeWorker {
  stop(): Promise<void>;
}

export function startNoticeWorker(source: DueNoticeSource, deps: NoticeWorkerDeps): RunningNoticeWorker {
  source.start(createNoticeHandler(deps));
  return { stop: () => source.stop() };
}
