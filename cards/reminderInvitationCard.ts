/** An admin's invitation to link one's certification oneself (R5: the person links, never the admin). */
import { Locale } from '../services/i18n/locale';
import { say } from '../services/i18n/say';
import { AdaptiveCardAttachment, renderCard } from './render';
import template from './reminderInvitationCard.json';

export interface ReminderInvitationData {
  locale: Locale;
}

export function reminderInvitationCard(data: ReminderInvitationData): AdaptiveCardAttachment {
  const { locale } = data;
  return renderCard(template, {
    title: say(locale, 'invitationTitle'),
    body: say(locale, 'invitationBody'),
    linkNow: say(locale, 'invitationLinkNow'),
    footer: say(locale, 'invitationFooter'),
  });
}
