/** "You can link your certification again from today": the proactive notice, in the person's language. */
import { fill, formatDate, Locale, Messages } from '../services/i18n/locale';
import { limitWording } from '../services/association/limitWording';
import { AssociationLimits } from '../services/association/types';
import { AdaptiveCardAttachment, renderCard } from './render';
import template from './noticeCard.json';

export interface NoticeCardData {
  locale: Locale;
  associationsLeft: number;
  /** The configured limits, so the count reads against its window ("2 of 3 a year", "… per calendar year"). */
  limits: AssociationLimits;
  /** The link that exists now; null = none. */
  link: { orgName: string; since: Date } | null;
}

const messages: Messages<'title' | 'associationsLeft' | 'associationsLeftValue' | 'currentLink' | 'none' | 'linkedSince' | 'linkNow' | 'footer'> = {
  en: {
    title: 'You can link your certification again from today',
    associationsLeft: 'Associations left',
    associationsLeftValue: '{left} of {max} {perWindow}',
    currentLink: 'Current link',
    none: 'None',
    linkedSince: '{org}, since {date}',
    linkNow: 'Link now',
    footer: 'You asked to be told. Say "stop notifications" to get no more notices.',
  },
  fr: {
    title: "Vous pouvez de nouveau lier votre certification à partir d'aujourd'hui",
    associationsLeft: 'Associations restantes',
    associationsLeftValue: '{left} sur {max} {perWindow}',
    currentLink: 'Lien actuel',
    none: 'Aucun',
    linkedSince: '{org}, depuis le {date}',
    linkNow: 'Lier maintenant',
    footer: "Vous avez demandé à être prévenu. Dites « arrêter les notifications » pour ne plus en recevoir.",
  },
};

export function noticeCard(data: NoticeCardData): AdaptiveCardAttachment {
  const m = messages[data.locale];
  return renderCard(template, {
    title: m.title,
    associationsLeftLabel: m.associationsLeft,
    associationsLeft: fill(m.associationsLeftValue, { ...limitWording(data.limits, data.locale), left: data.associationsLeft }),
    currentLinkLabel: m.currentLink,
    currentLink: data.link ? fill(m.linkedSince, { org: data.link.orgName, date: formatDate(data.link.since, data.locale) }) : m.none,
    linkNow: m.linkNow,
    footer: m.footer,
  });
}
