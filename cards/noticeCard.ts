/** "You can link your certification again from today": the proactive notice, in the person's language. */
import { formatDate, Locale } from '../services/i18n/locale';
import { say } from '../services/i18n/say';
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

export function noticeCard(data: NoticeCardData): AdaptiveCardAttachment {
  const { locale } = data;
  return renderCard(template, {
    title: say(locale, 'noticeCardTitle'),
    associationsLeftLabel: say(locale, 'noticeCardAssociationsLeft'),
    associationsLeft: say(locale, 'noticeCardAssociationsLeftValue', { ...limitWording(data.limits, locale), left: data.associationsLeft }),
    currentLinkLabel: say(locale, 'noticeCardCurrentLink'),
    currentLink: data.link ? say(locale, 'noticeCardLinkedSince', { org: data.link.orgName, date: formatDate(data.link.since, locale) }) : say(locale, 'noticeCardNone'),
    linkNow: say(locale, 'noticeCardLinkNow'),
    footer: say(locale, 'noticeCardFooter'),
  });
}
