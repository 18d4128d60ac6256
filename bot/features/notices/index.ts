/**
 * Notices in chat: "Notify me", stop/start notifications, "Link now" on a
 * notice, and admins' "remind members who have not linked" (R5: the members
 * still link themselves; the invitation only tells them how).
 */
import { AdminActions } from '../../../services/admin/adminActions';
import { AssociationService } from '../../../services/association/associationService';
import { formatDate } from '../../../services/i18n/locale';
import { say } from '../../../services/i18n/say';
import { Notices } from '../../proactive/startNotices';
import { TeamRoster } from '../../teams/teamRoster';
import { adminRefusalCard } from '../../../cards/adminCards';
import { statementCard, StatementCardData } from '../../../cards/cardModels';
import { NOTIFY_ME } from '../employee/linkHandler';
import { CardActionHandler, Feature, MessageHandler } from '../feature';
import { NoticeIntent } from './intents';

export interface NoticeFeatureDeps {
  notices: Notices;
  admin: AdminActions;
  roster: TeamRoster;
  associations: Pick<AssociationService, 'recordOfPerson'>;
}

export function noticesFeature(deps: NoticeFeatureDeps): Feature<NoticeIntent> {
  const { notices, admin, roster, associations } = deps;

  const setEnabled =
    (on: boolean): MessageHandler =>
    async (hc) => {
      await notices.prefs.setNoticesEnabled(hc.info.tenantId ?? '', hc.info.userId, on);
      return { text: say(hc.locale, on ? 'started' : 'stopped') };
    };

  // The click replaces the card it was on: its answer is that card again (a refusal keeps Partner
  // Center's words), with what the click did said last, and no button left to press.
  const notifyMe: CardActionHandler = async (hc, card) => {
    const answer = (line: string) => {
      const kept = card.payload.keep ? (JSON.parse(card.payload.keep) as StatementCardData) : null;
      return kept ? { card: statementCard({ ...kept, lines: [...kept.lines, line], buttons: [] }) } : { text: line };
    };
    const tenantId = hc.info.tenantId ?? '';
    if (!(await notices.prefs.noticesEnabled(tenantId, hc.info.userId))) return answer(say(hc.locale, 'noticesOff'));
    const dueAt = new Date(card.payload.dueAt);
    const out = await notices.scheduler.schedule({ tenantId, userId: hc.info.userId, mcid: card.payload.mcid, dueAt, reason: 'notifyMe' });
    return answer(say(hc.locale, out === 'scheduled' ? 'willNotify' : 'alreadyScheduled', { date: formatDate(dueAt, hc.dates) }));
  };

  const remindMembers: MessageHandler = async (hc) => {
    const auth = await admin.authorize(hc.org, hc.info.userId);
    if (auth.kind === 'refused') return { card: adminRefusalCard({ locale: hc.locale }) };
    if (hc.info.conversationType !== 'channel') return { text: say(hc.locale, 'remindersChannelOnly') };
    const summary = await notices.remindUnlinkedMembers({
      roster: roster.pages(hc.turn),
      isLinked: async (m) => (await associations.recordOfPerson(m.tenantId, m.userId)) !== null,
      ensureReference: (m) => roster.openPersonalChat(hc.turn, m),
    });
    return {
      text: say(hc.locale, 'remindersSummary', {
        sent: summary.sent,
        linked: summary.skipped.alreadyLinked,
        optedOut: summary.skipped.optedOut,
        recent: summary.skipped.remindedRecently,
        failed: summary.failed,
      }),
    };
  };

  return {
    intents: {
      // One person's own setting: personal chat only. "Stop notifications" said in a channel is
      // not answered with a message in the personal chat.
      'notices.stop': { handle: setEnabled(false), personalOnly: 'quiet', audience: 'everyone' },
      'notices.start': { handle: setEnabled(true), personalOnly: 'nudge', audience: 'everyone' },
      // An admin's command: as the admin feature's (an admin role never applies to a guest).
      'notices.remindMembers': { handle: remindMembers, audience: 'confirmedMember' },
    },
    verbs: { [NOTIFY_ME]: { handle: notifyMe } },
  };
}
