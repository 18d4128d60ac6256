/**
 * The monthly digest, opt-in per admin: on the first day of each month, in their personal chat,
 * what expires in their organization the month after and what of it is renewed already. One
 * queued job per admin and month (noticeJobId names the person and the day); each sends its month
 * and queues the next, so subscribing once keeps it coming until the admin unsubscribes or is an
 * admin no more (the job then ends the subscription).
 */
import { Clock } from '../clock';
import { onceKey } from '../kv/onceKey';
import { NoticePreferenceStore } from '../notices/conversationRefStore';
import { NoticeDelivery } from '../notices/delivery';
import { NoticeScheduler, RetryLaterError } from '../notices/noticeScheduler';
import type { NoticeOutcome } from '../notices/noticeWorker';
import { ConversationRef, DueNotice, NoticeRequest, utcDay } from '../notices/types';
import { ReportPerson } from '../report/reportLines';
import { DigestSubscriptions } from './digestSubscriptions';
import { DigestLists, digestLists } from './expiringPeople';

/** The first day (UTC) of the month `months` after the one `at` falls in. */
export function monthStart(at: Date, months = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
}

/** The digest job of an admin for the month starting at `dueAt`. */
export function digestRequest(tenantId: string, userId: string, mpnId: string, dueAt: Date): NoticeRequest {
  return { tenantId, userId, mcid: '', dueAt, reason: 'digest', digest: { mpnId } };
}

export interface DigestDeps {
  delivery: NoticeDelivery;
  prefs: NoticePreferenceStore;
  subscriptions: DigestSubscriptions;
  scheduler: NoticeScheduler;
  clock: Clock;
  /** Whether the person is an admin of the organization now (RoleService). */
  isAdmin(mpnId: string, userId: string): Promise<boolean>;
  /** The organization's verified people (ReportService.people). */
  people(mpnId: string): AsyncIterable<ReportPerson[]>;
  card(ref: ConversationRef, mpnId: string, month: Date, lists: DigestLists): object;
  inFlightRetryMs: number;
}

export async function handleDueDigest(notice: DueNotice, mpnId: string, deps: DigestDeps): Promise<NoticeOutcome> {
  const { tenantId, userId } = notice;
  const [subscribed, admin, enabled] = await Promise.all([deps.subscriptions.isSubscribed(tenantId, userId, mpnId), deps.isAdmin(mpnId, userId), deps.prefs.noticesEnabled(tenantId, userId)]);
  if (!subscribed || !admin) {
    // Someone who is no longer an admin is not kept subscribed to the organization's names.
    if (subscribed) await deps.subscriptions.unsubscribe(tenantId, userId, mpnId);
    deps.delivery.count('stale');
    return 'stale';
  }
  // The next month first: a failed send below is retried by the queue, the chain goes on either way.
  await deps.scheduler.schedule(digestRequest(tenantId, userId, mpnId, monthStart(notice.dueAt, 1)));
  if (!enabled) {
    deps.delivery.count('optedOut');
    return 'optedOut';
  }
  const month = monthStart(notice.dueAt, 1);
  const lists = await digestLists(deps.people(mpnId), month, monthStart(notice.dueAt, 2));
  const outcome = await deps.delivery.deliver({
    key: onceKey('digest', tenantId.toLowerCase(), userId, mpnId, utcDay(monthStart(notice.dueAt))),
    tenantId,
    userId,
    card: (ref) => deps.card(ref, mpnId, month, lists),
  });
  if (outcome === 'inFlight') throw new RetryLaterError('another worker is sending this digest', deps.inFlightRetryMs);
  return outcome;
}
