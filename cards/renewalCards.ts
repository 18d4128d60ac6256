/**
 * The renewal cards: the reminder a person gets in their personal chat (with the way to renew on
 * Microsoft Learn), the "my renewals" list, and the lists admins read in their personal chat (who
 * renews soon, the monthly digest). Sentences come from say(); names and titles travel as data.
 */
import type { DateStyle } from '../services/i18n/dates';
import { formatDate, Locale } from '../services/i18n/locale';
import { say } from '../services/i18n/say';
import { NamedExpiry } from '../services/renewals/expiringPeople';
import { DueRenewal, renewalUrl } from '../services/renewals/renewalRules';
import { RenewalStage } from '../services/notices/types';
import { statementCard } from './cardModels';
import { AdaptiveCardAttachment, renderCard } from './render';
import template from './renewalCard.json';

export interface RenewalCardData {
  locale: Locale;
  /** The certification's title, and its name with the number (certificationName). */
  title: string;
  name: string;
  expiresOn: string;
  daysLeft: number;
  stage: RenewalStage;
}

export function renewalCard(d: RenewalCardData): AdaptiveCardAttachment {
  const values = { title: d.title, name: d.name, date: formatDate(d.expiresOn, d.locale), days: d.daysLeft };
  return renderCard(template, {
    title: say(d.locale, 'renewalCardTitle', values),
    color: d.stage === 'lastCall' ? 'attention' : 'default',
    lines: [say(d.locale, d.stage === 'lastCall' ? 'renewalCardLastCall' : 'renewalCardWindow', values), say(d.locale, 'renewalCardHow')],
    footer: say(d.locale, 'renewalCardFooter'),
    button: say(d.locale, 'renewalCardButton'),
    url: renewalUrl(d.locale),
  });
}

export interface MyRenewalsData {
  locale: Locale;
  due: DueRenewal[];
  windowDays: number;
  lastCallDays: number;
  noticesOn: boolean;
  /** How dates are written, after the Teams client's region (default: the language's). */
  dates?: DateStyle;
}

export function myRenewalsCard(d: MyRenewalsData): AdaptiveCardAttachment {
  const { locale } = d;
  const lines =
    d.due.length === 0
      ? [say(locale, 'myRenewalsNone', { days: d.windowDays })]
      : [say(locale, 'myRenewalsIntro'), ...d.due.map((r) => say(locale, 'myRenewalsLine', { name: r.name, date: formatDate(r.expiresOn, d.dates ?? locale), days: r.daysLeft }))];
  const note = d.noticesOn ? say(locale, 'myRenewalsReminded', { days: d.lastCallDays }) : say(locale, 'myRenewalsNoticesOff');
  return renderCard(template, {
    title: say(locale, 'myRenewalsHeading'),
    color: 'default',
    lines: [...lines, say(locale, 'renewalCardHow')],
    footer: note,
    button: say(locale, 'renewalCardButton'),
    url: renewalUrl(locale),
  });
}

/** Lines shown on an admin's card; the rest are in the download. */
export const CARD_PEOPLE_LIMIT = 25;

function entries(list: NamedExpiry[], locale: Locale) {
  return list.slice(0, CARD_PEOPLE_LIMIT).map((e) => ({ label: e.name, value: say(locale, 'reportExpiringEntry', { title: e.title, date: formatDate(e.expiresOn, locale) }) }));
}

/** Who renews soon, for the admin's personal chat only. */
export function expiringPeopleCard(input: { orgName: string; days: number; people: NamedExpiry[]; locale: Locale }): AdaptiveCardAttachment {
  const { locale } = input;
  const more = input.people.length - CARD_PEOPLE_LIMIT;
  return statementCard({
    title: say(locale, 'reportExpiringPeopleTitle', { org: input.orgName, days: input.days }),
    lines: input.people.length === 0 ? [say(locale, 'digestNone')] : [],
    facts: entries(input.people, locale),
    notes: more > 0 ? [say(locale, 'reportMorePeople', { count: more })] : [],
  });
}

const monthFormats: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export interface DigestCardData {
  locale: Locale;
  orgName: string;
  /** First day of the month the digest is about. */
  month: Date;
  expiring: NamedExpiry[];
  renewed: NamedExpiry[];
}

/** The monthly digest: what expires in the month ahead, and what was due then and is renewed already. */
export function digestCard(d: DigestCardData): AdaptiveCardAttachment {
  const { locale } = d;
  const month = monthFormats[locale].format(d.month);
  const section = (heading: string, list: NamedExpiry[]) => [
    heading,
    ...(list.length === 0 ? [say(locale, 'digestNone')] : []),
    ...list.slice(0, CARD_PEOPLE_LIMIT).map((e) => say(locale, 'digestLine', { name: e.name, title: e.title, date: formatDate(e.expiresOn, locale) })),
  ];
  const more = Math.max(0, d.expiring.length - CARD_PEOPLE_LIMIT) + Math.max(0, d.renewed.length - CARD_PEOPLE_LIMIT);
  return statementCard({
    title: say(locale, 'digestTitle', { org: d.orgName, month }),
    lines: [...section(say(locale, 'digestExpiring', { month, count: d.expiring.length }), d.expiring), ...section(say(locale, 'digestRenewed', { month, count: d.renewed.length }), d.renewed)],
    notes: [...(more > 0 ? [say(locale, 'reportMorePeople', { count: more })] : []), say(locale, 'digestFooter')],
  });
}
