/** Help (in personal chat, and in a channel or group chat), the welcome, and the fixed answers: the seed's FAQ and other common questions. */
import { menuCard } from '../../../cards/cardModels';
import { AdaptiveCardAttachment } from '../../../cards/render';
import { Locale } from '../../../services/i18n/locale';
import { say, TextKey } from '../../../services/i18n/say';
import { HandlerContext, Reply } from '../feature';
import { EmployeeDeps } from './employeeDeps';
import { limitWording, LimitWording } from '../../../services/association/limitWording';
import { CARD_LIFETIME_MINUTES } from '../pendingCards';

function commands(locale: Locale): { title: string; text: string }[] {
  return [
    { title: say(locale, 'cmdLink'), text: say(locale, 'sayLink') },
    { title: say(locale, 'cmdStatus'), text: say(locale, 'sayStatus') },
    { title: say(locale, 'cmdRemove'), text: say(locale, 'sayRemove') },
    { title: say(locale, 'cmdUniversity'), text: say(locale, 'sayUniversity') },
  ];
}

/** `wording`: the configured limits, so the status line names their window. */
export function helpCard(locale: Locale, wording: LimitWording): AdaptiveCardAttachment {
  return menuCard({
    title: say(locale, 'helpTitle'),
    lines: [
      say(locale, 'helpIntro'),
      say(locale, 'helpLink'),
      say(locale, 'helpRemove'),
      say(locale, 'helpStatus', wording),
      say(locale, 'helpCertifications'),
      say(locale, 'helpRenewals'),
      say(locale, 'helpUniversity'),
      say(locale, 'helpNotices'),
      say(locale, 'helpPrivacy'),
      say(locale, 'helpFaq'),
    ],
    commands: commands(locale),
  });
}

/**
 * Help in a team channel or group chat: what the admins can ask there. The employee's own commands
 * only run in personal chat, so their buttons would only earn a refusal here.
 */
export function sharedChatHelpCard(locale: Locale, orgName: string, title: 'help' | 'welcome' = 'help'): AdaptiveCardAttachment {
  return menuCard({
    title: say(locale, title === 'welcome' ? 'channelWelcomeTitle' : 'channelHelpTitle'),
    lines: [
      say(locale, 'channelHelpIntro', { org: orgName }),
      say(locale, 'channelHelpReport'),
      say(locale, 'channelHelpRemove'),
      say(locale, 'channelHelpAudit'),
      say(locale, 'channelHelpRoles'),
      say(locale, 'channelHelpRemind'),
      say(locale, 'channelHelpPersonal'),
    ],
    commands: [
      { title: say(locale, 'cmdReport'), text: say(locale, 'sayReport') },
      { title: say(locale, 'cmdAudit'), text: say(locale, 'sayAudit') },
      { title: say(locale, 'cmdListAdmins'), text: say(locale, 'sayListAdmins') },
    ],
  });
}

/** Sent to someone's personal chat when they asked a personal question in a channel or group chat. */
export function personalNudgeCard(locale: Locale): AdaptiveCardAttachment {
  return menuCard({ title: say(locale, 'nudgeTitle'), lines: [say(locale, 'nudgeBody')], commands: commands(locale) });
}

export function welcomeCard(locale: Locale, orgName: string): AdaptiveCardAttachment {
  return menuCard({ title: say(locale, 'welcomeTitle'), lines: [say(locale, 'welcomeBody', { org: orgName })], commands: commands(locale) });
}

export async function showHelp(hc: HandlerContext, d: EmployeeDeps): Promise<Reply> {
  return hc.info.conversationType === 'personal' ? { card: helpCard(hc.locale, limitWording(d.associations.limits, hc.locale)) } : { card: sharedChatHelpCard(hc.locale, hc.org.name) };
}

/**
 * "yes", "ok", « oui » typed instead of clicking: with a card of theirs still open, the person is
 * pointed to its buttons (typing confirms nothing); otherwise it is any other unknown message.
 */
export async function answerTypedCardReply(hc: HandlerContext, d: EmployeeDeps): Promise<Reply> {
  if (await hc.pending.hasLiveCardFor(hc.info.userId)) return { text: say(hc.locale, 'typedCardAnswer', { minutes: CARD_LIFETIME_MINUTES }) };
  // "ok thanks" / « ça marche merci » with nothing waiting closes a conversation: a short answer, not the menu.
  return SAYS_THANKS.test(hc.turn.activity.text ?? '') ? fixedAnswer(hc, d, 'thanks') : showHelp(hc, d);
}

const SAYS_THANKS = /\b(thanks|thank you|merci)\b/i;

/** A fixed answer; the limits it may quote are the configured ones, not the defaults. */
export async function fixedAnswer(hc: HandlerContext, d: EmployeeDeps, key: TextKey): Promise<Reply> {
  return { text: say(hc.locale, key, limitWording(d.associations.limits, hc.locale)) };
}

/** Names the person's organization: whose admins see the report. */
export async function whoSees(hc: HandlerContext): Promise<Reply> {
  return { text: say(hc.locale, 'faqWhoSees', { org: hc.org.name }) };
}

/** Who sees the skills report (R7): anyone may ask; the answer names no one's data. */
export async function whoSeesReport(hc: HandlerContext): Promise<Reply> {
  return { text: say(hc.locale, 'faqWhoSeesReport', { org: hc.org.name }) };
}

/** The welcome: the person's commands in personal chat; in a team or group chat, what the admins can ask there. */
export function welcomeCardFor(locale: Locale, orgName: string, conversationType: 'personal' | 'groupChat' | 'channel'): AdaptiveCardAttachment {
  return conversationType === 'personal' ? welcomeCard(locale, orgName) : sharedChatHelpCard(locale, orgName, 'welcome');
}
