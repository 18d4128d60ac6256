/** An admin's invitation to link one's certification oneself (R5: the person links, never the admin). */
import { Locale, Messages } from '../services/i18n/locale';
import { AdaptiveCardAttachment, renderCard } from './render';
import template from './reminderInvitationCard.json';

export interface ReminderInvitationData {
  locale: Locale;
}

const messages: Messages<'title' | 'body' | 'linkNow' | 'footer'> = {
  en: {
    title: 'Link your Microsoft certification to your organization',
    body: 'An admin of your organization invites you to link your certification profile, so your certifications count for the organization. Only you can link it: it takes a minute.',
    linkNow: 'Link now',
    footer: 'You will not get this invitation again for 30 days. Say "stop notifications" to get no more notices.',
  },
  fr: {
    title: 'Liez votre certification Microsoft à votre organisation',
    body: "Un administrateur de votre organisation vous invite à lier votre profil de certification, afin que vos certifications comptent pour l'organisation. Vous seul pouvez le lier : cela prend une minute.",
    linkNow: 'Lier maintenant',
    footer: "Vous ne recevrez pas cette invitation à nouveau avant 30 jours. Dites « arrêter les notifications » pour ne plus en recevoir.",
  },
};

export function reminderInvitationCard(data: ReminderInvitationData): AdaptiveCardAttachment {
  return renderCard(template, messages[data.locale]);
}
