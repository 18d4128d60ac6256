/**
 * Typed builders for the admin cards. Everything a person typed (names,
 * certification titles) travels as template data only (cards/render.ts).
 */
import { AuditEntry } from '../services/audit/auditLog';
import { CREDIT_DELAY_DAYS } from '../services/association/associationRules';
import { fill, formatDate, Locale } from '../services/i18n/locale';
import { EMPTY_REPORT_MESSAGE } from '../services/report/reportColumns';
import { EXPIRING_WITHIN_DAYS, ReportSummary } from '../services/report/reportService';
import { DOWNLOAD_LINK_TTL_MINUTES } from '../services/report/signedLink';
import { AdminList } from '../services/roles/roleService';
import { adminListText, auditText, refusalText, removalText, reportText } from './adminCardText';
import adminListTemplate from './adminListCard.json';
import adminRefusalTemplate from './adminRefusalCard.json';
import auditLogTemplate from './auditLogCard.json';
import confirmRemovalTemplate from './confirmRemovalCard.json';
import removalResultTemplate from './removalResultCard.json';
import { AdaptiveCardAttachment, renderCard } from './render';
import reportSummaryTemplate from './reportSummaryCard.json';

/** Titles shown on the card; the rest are in the download. */
export const CARD_TITLE_LIMIT = 8;

/** Display names the handler knows (from the Teams roster); ids are shown otherwise. */
export type NameOf = (userId: string) => string | undefined;

const numberFormats: Record<Locale, Intl.NumberFormat> = { en: new Intl.NumberFormat('en-GB'), fr: new Intl.NumberFormat('fr-FR') };
const timeFormats: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' }),
};

const n = (value: number, locale: Locale) => numberFormats[locale].format(value);

export interface ReportSummaryCardInput {
  orgName: string;
  summary: ReportSummary;
  at: Date;
  csvUrl: string;
  xlsxUrl: string;
  locale: Locale;
}

export function reportSummaryCard(input: ReportSummaryCardInput): AdaptiveCardAttachment {
  const { summary, locale } = input;
  const t = reportText[locale];
  const facts = (list: { title: string; count: number }[]) => list.slice(0, CARD_TITLE_LIMIT).map((x) => ({ label: x.title, value: n(x.count, locale) }));
  const more = (total: number, template: string) => (total > CARD_TITLE_LIMIT ? fill(template, { count: total - CARD_TITLE_LIMIT }) : '');
  return renderCard(reportSummaryTemplate, {
    heading: fill(t.heading, { org: input.orgName }),
    asOf: fill(t.asOf, { date: formatDate(input.at, locale) }),
    empty: summary.empty,
    emptyMessage: EMPTY_REPORT_MESSAGE[locale],
    linkedLabel: t.linked,
    linked: n(summary.linked, locale),
    pendingLabel: t.pending,
    pending: n(summary.pendingCredit, locale),
    pendingNote: fill(t.pendingNote, { days: CREDIT_DELAY_DAYS }),
    byTitleHeading: t.byTitle,
    byTitle: facts(summary.byTitle),
    moreTitles: more(summary.byTitle.length, t.moreTitles),
    expiredNote: summary.expired > 0 ? fill(t.expiredNote, { count: n(summary.expired, locale) }) : '',
    expiringHeading: fill(t.expiring, { days: EXPIRING_WITHIN_DAYS, total: n(summary.expiringSoonTotal, locale) }),
    expiring: facts(summary.expiringSoon),
    moreExpiring: more(summary.expiringSoon.length, t.moreExpiring),
    noneLabel: t.none,
    linksNote: fill(t.linksNote, { minutes: DOWNLOAD_LINK_TTL_MINUTES }),
    csvLabel: t.csv,
    csvUrl: input.csvUrl,
    xlsxLabel: t.xlsx,
    xlsxUrl: input.xlsxUrl,
  });
}

export function adminListCard(input: { orgName: string; admins: AdminList; nameOf?: NameOf; locale: Locale }): AdaptiveCardAttachment {
  const t = adminListText[input.locale];
  const named = (ids: string[]) => ids.map((id) => ({ name: input.nameOf?.(id) ?? id }));
  return renderCard(adminListTemplate, {
    heading: fill(t.heading, { org: input.orgName }),
    globalHeading: t.global,
    globalAdmins: named(input.admins.globalAdmins),
    partnerHeading: t.partner,
    partnerAdmins: named(input.admins.partnerAdmins),
    noneLabel: t.none,
    howTo: t.howTo,
  });
}

export function describeAuditEntry(entry: AuditEntry, locale: Locale, nameOf?: NameOf): { what: string; when: string } {
  const name = (id: string | undefined) => (id ? (nameOf?.(id) ?? id) : '');
  const what = fill(auditText[locale][entry.action], {
    actor: name(entry.actorUserId),
    target: name(entry.targetUserId),
    mcid: entry.mcid ?? '',
    format: entry.details?.format?.toUpperCase() ?? '',
  });
  const at = new Date(entry.at);
  return { what, when: `${formatDate(at, locale).replace(' (UTC)', '')} ${timeFormats[locale].format(at)} UTC` };
}

export function auditLogCard(input: { orgName: string; entries: AuditEntry[]; csvUrl: string; xlsxUrl: string; nameOf?: NameOf; locale: Locale }): AdaptiveCardAttachment {
  const t = auditText[input.locale];
  return renderCard(auditLogTemplate, {
    heading: fill(t.heading, { org: input.orgName }),
    subheading: fill(t.subheading, { count: input.entries.length }),
    emptyMessage: t.empty,
    entries: input.entries.map((e) => describeAuditEntry(e, input.locale, input.nameOf)),
    csvLabel: t.csv,
    csvUrl: input.csvUrl,
    xlsxLabel: t.xlsx,
    xlsxUrl: input.xlsxUrl,
  });
}

export interface ConfirmRemovalInput {
  orgName: string;
  mpnId: string;
  mcid: string;
  /** "First Last" as the profile has it; empty when unknown. */
  personName: string;
  linkedSince: string;
  /** Identifies this card so a second click on a stale copy is recognised. */
  cardId: string;
  locale: Locale;
}

export function confirmRemovalCard(input: ConfirmRemovalInput): AdaptiveCardAttachment {
  const t = removalText[input.locale];
  return renderCard(confirmRemovalTemplate, {
    heading: t.heading,
    question: fill(t.question, { org: input.orgName }),
    personLabel: t.person,
    person: input.personName || '—',
    mcidLabel: t.mcid,
    mcid: input.mcid,
    sinceLabel: t.since,
    since: formatDate(input.linkedSince, input.locale),
    consequences: fill(t.consequences, { org: input.orgName }),
    confirmLabel: t.confirm,
    cancelLabel: t.cancel,
    mpnId: input.mpnId,
    cardId: input.cardId,
  });
}

export type RemovalResult =
  | { kind: 'removed'; personName: string; mcid: string; notified: boolean }
  | { kind: 'notLinked'; mcid: string }
  | { kind: 'cancelled' };

export function removalResultCard(input: { orgName: string; result: RemovalResult; locale: Locale }): AdaptiveCardAttachment {
  const t = removalText[input.locale];
  const r = input.result;
  let heading: string;
  let message: string;
  if (r.kind === 'removed') {
    heading = t.removedHeading;
    message = fill(t.removed, { person: r.personName || t.person, mcid: r.mcid, org: input.orgName }) + (r.notified ? ` ${t.removedNotified}` : '');
  } else if (r.kind === 'notLinked') {
    heading = t.notLinkedHeading;
    message = fill(t.notLinked, { mcid: r.mcid, org: input.orgName });
  } else {
    heading = t.cancelledHeading;
    message = t.cancelled;
  }
  return renderCard(removalResultTemplate, { heading, message });
}

/**
 * The polite no: says who can help and names no data (not the org's admins,
 * not whether a report exists). `about: 'roles'` for a partner admin trying to
 * change roles.
 */
export function adminRefusalCard(input: { locale: Locale; about?: 'adminFeature' | 'roles' }): AdaptiveCardAttachment {
  const t = refusalText[input.locale];
  const roles = input.about === 'roles';
  return renderCard(adminRefusalTemplate, { heading: t.heading, message: roles ? t.roleMessage : t.message, help: roles ? t.roleHelp : t.help });
}
