/**
 * A renewal reminder comes due: look at the person and their profile again (either may have
 * changed since it was queued), then deliver once.
 * - no longer linked by this person (removed, switched, the MCID moved to another account): stale;
 * - renewed or gone (an import brought a new expiry day for the certification): stale;
 * - expired, or a first reminder overtaken by the last call: stale;
 * - notices turned off ("stop notifications"): skipped;
 * - otherwise delivered through NoticeDelivery, under a key naming the certification, its expiry
 *   day and the stage, remembered until after the expiry: however often it is queued again (an
 *   import, a new link, a restart), the same reminder is sent once.
 */
import { Clock, DAY_MS } from '../clock';
import { CurrentLink } from '../association/types';
import { CertificationProfile } from '../directory/types';
import { onceKey } from '../kv/onceKey';
import { NoticePreferenceStore } from '../notices/conversationRefStore';
import { NoticeDelivery } from '../notices/delivery';
import { RetryLaterError } from '../notices/noticeScheduler';
import type { NoticeOutcome } from '../notices/noticeWorker';
import { ConversationRef, DueNotice, RenewalTarget } from '../notices/types';
import { daysLeft, RenewableCertification, RenewalSettings, stageStillDue, stillExpiring } from './renewalRules';

/** How long after the expiry a sent reminder is still remembered (an import of an old export must not repeat it). */
const KEEP_AFTER_EXPIRY_MS = 60 * DAY_MS;

export interface RenewalNoticeDeps {
  delivery: NoticeDelivery;
  prefs: NoticePreferenceStore;
  settings: RenewalSettings;
  clock: Clock;
  /** The MCID's current link. */
  linkOf(mcid: string): Promise<CurrentLink | null>;
  profileOf(mcid: string): Promise<CertificationProfile | null>;
  card(ref: ConversationRef, certification: RenewableCertification, target: RenewalTarget, daysLeft: number): object;
  /** Another worker holds the reminder: try again after this long. */
  inFlightRetryMs: number;
}

/** The once-only key of one reminder. */
export function renewalKey(n: Pick<DueNotice, 'tenantId' | 'userId'>, t: RenewalTarget): string {
  return onceKey('renewal', n.tenantId.toLowerCase(), n.userId, t.title, t.expiresOn, t.stage);
}

export async function handleDueRenewal(notice: DueNotice, target: RenewalTarget, deps: RenewalNoticeDeps): Promise<NoticeOutcome> {
  const [link, profile, enabled] = await Promise.all([deps.linkOf(notice.mcid), deps.profileOf(notice.mcid), deps.prefs.noticesEnabled(notice.tenantId, notice.userId)]);
  const now = deps.clock.now();
  const stillTheirs = link !== null && link.userId === notice.userId && link.tenantId.toLowerCase() === notice.tenantId.toLowerCase();
  const certification = stillExpiring(profile, target);
  if (!stillTheirs || !certification || !stageStillDue(target, now, deps.settings)) {
    deps.delivery.count('stale');
    return 'stale';
  }
  if (!enabled) {
    deps.delivery.count('optedOut');
    return 'optedOut';
  }
  const left = daysLeft(target.expiresOn, now);
  const outcome = await deps.delivery.deliver({
    key: renewalKey(notice, target),
    tenantId: notice.tenantId,
    userId: notice.userId,
    card: (ref) => deps.card(ref, certification, target, left),
    keepMs: (left + 1) * DAY_MS + KEEP_AFTER_EXPIRY_MS,
  });
  if (outcome === 'inFlight') throw new RetryLaterError('another worker is sending this reminder', deps.inFlightRetryMs);
  return outcome;
}
