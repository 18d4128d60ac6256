/**
 * "Remind members who have not linked": an admin asks, each member of the
 * team's roster without a link gets a one-time invitation to link themselves
 * (R5: the admin never links anyone). The same member is not invited again
 * within 30 days, whoever asks; opted-out members are left alone.
 */
import { Clock, systemClock } from '../clock';
import { ConversationRefStore, NoticePreferenceStore } from './conversationRefStore';
import { NoticeDelivery } from './delivery';
import { ConversationRef, utcDay } from './types';

export interface RosterMember {
  tenantId: string;
  /** aadObjectId */
  userId: string;
}

export interface ReminderSummary {
  sent: number;
  skipped: { alreadyLinked: number; optedOut: number; remindedRecently: number };
  failed: number;
}

export interface ReminderRun {
  /** The team roster, page by page (the bot feeds it from TeamsInfo.getPagedMembers). */
  roster: AsyncIterable<RosterMember[]>;
  isLinked(member: RosterMember): Promise<boolean>;
  /**
   * For members who never talked to the bot: create the personal conversation
   * (the bot does it with the Teams API) and return its reference, or null.
   */
  ensureReference?(member: RosterMember): Promise<ConversationRef | null>;
  refs?: ConversationRefStore;
  /** The invitation card in the member's locale (cards/reminderInvitationCard.ts). */
  invitationCard(ref: ConversationRef): object;
  delivery: NoticeDelivery;
  prefs: NoticePreferenceStore;
  clock?: Clock;
  /** Default 30. */
  withinDays?: number;
  /** Members handled at once (default 10); delivery paces per tenant anyway. */
  concurrency?: number;
}

export async function remindUnlinkedMembers(run: ReminderRun): Promise<ReminderSummary> {
  const clock = run.clock ?? systemClock;
  const withinDays = run.withinDays ?? 30;
  const summary: ReminderSummary = { sent: 0, skipped: { alreadyLinked: 0, optedOut: 0, remindedRecently: 0 }, failed: 0 };
  const seen = new Set<string>();

  const remindOne = async (member: RosterMember): Promise<void> => {
    const id = `${member.tenantId}|${member.userId}`;
    if (seen.has(id)) return; // a member listed twice by the pager
    seen.add(id);
    if (await run.isLinked(member)) return void summary.skipped.alreadyLinked++;
    if (!(await run.prefs.noticesEnabled(member.tenantId, member.userId))) return void summary.skipped.optedOut++;
    const now = clock.now();
    if (!(await run.prefs.claimReminder(member.tenantId, member.userId, now, withinDays))) {
      return void summary.skipped.remindedRecently++;
    }
    try {
      if (run.ensureReference && run.refs && !(await run.refs.get(member.tenantId, member.userId))) {
        const ref = await run.ensureReference(member);
        if (ref) await run.refs.save(ref);
      }
      const outcome = await run.delivery.deliver({
        key: `reminder:${member.tenantId}:${member.userId}:${utcDay(now)}`,
        tenantId: member.tenantId,
        userId: member.userId,
        card: (ref) => run.invitationCard(ref),
      });
      if (outcome === 'sent') summary.sent++;
      else if (outcome === 'duplicate' || outcome === 'inFlight') summary.skipped.remindedRecently++;
      else {
        await run.prefs.releaseReminder(member.tenantId, member.userId);
        summary.failed++;
      }
    } catch {
      await run.prefs.releaseReminder(member.tenantId, member.userId).catch(() => undefined);
      summary.failed++;
    }
  };

  const limit = Math.max(1, run.concurrency ?? 10);
  for await (const page of run.roster) {
    for (let i = 0; i < page.length; i += limit) {
      await Promise.all(page.slice(i, i + limit).map(remindOne));
    }
  }
  return summary;
}
