/**
 * Typed builders for the admin cards. Everything a person typed (names,
 * certification titles) travels as template data only (cards/render.ts).
 */
import { AuditAction, AuditEntry } from '../services/audit/auditLog';
import { CREDIT_DELAY_DAYS } from '../services/association/associationRules';
import { DateStyle } from '../services/i18n/dates';
import { formatDate, Locale } from '../services/i18n/locale';
import { say, TextKey } from '../services/i18n/say';
import { EXPIRING_WITHIN_DAYS, ReportSummary } from '../services/report/reportService';
import { DOWNLOAD_LINK_TTL_MINUTES } from '../services/report/signedLink';
import { NamedExpiry } from '../services/renewals/expiringPeople';
import { AdminList } from '../services/roles/roleService';
import adminListTemplate from './adminListCard.json';
import adminRefusalTemplate from './adminRefusalCard.json';
import auditLogTemplate from './auditLogCard.json';
import confirmRemovalTemplate from './confirmRemovalCard.json';
import downloadLinksTemplate from './downloadLinksCard.json';
import removalResultTemplate from './removalResultCard.json';
import { AdaptiveCardAttachment, renderCard } from './render';
import { CARD_PEOPLE_LIMIT } from './renewalCards';
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

/** The text of each audit action. */
const AUDIT_ACTION_TEXT: Record<AuditAction, TextKey> = {
  link: 'auditLink',
  switchIn: 'auditSwitchIn',
  switchOut: 'auditSwitchOut',
  unlink: 'auditUnlink',
  removedByAdmin: 'auditRemovedByAdmin',
  takeover: 'auditTakeover',
  grantPartnerAdmin: 'auditGrantPartnerAdmin',
  revokePartnerAdmin: 'auditRevokePartnerAdmin',
  downloadReport: 'auditDownloadReport',
  downloadAudit: 'auditDownloadAudit',
};

/**
 * Where the downloads of a report or audit card are. A download link is for one admin: it is on
 * the card in their personal chat; a card in a channel or group chat carries none and says where
 * they went (sent to the personal chat), or where to ask for them.
 */
export type CardDownloads = { kind: 'links'; csvUrl: string; xlsxUrl: string } | { kind: 'sentToPersonalChat' } | { kind: 'askInPersonalChat' };

/** The card data of its download buttons and the note beside them. */
function downloadData(downloads: CardDownloads, what: 'report' | 'audit', locale: Locale) {
  const links = downloads.kind === 'links' ? downloads : null;
  const note =
    downloads.kind === 'links'
      ? say(locale, 'downloadLinksNote', { minutes: DOWNLOAD_LINK_TTL_MINUTES })
      : downloads.kind === 'sentToPersonalChat'
        ? say(locale, 'downloadsSentToPersonalChat')
        : say(locale, 'downloadsAskInPersonalChat', { command: say(locale, what === 'report' ? 'sayReport' : 'sayAudit') });
  return { hasLinks: links !== null, csvUrl: links?.csvUrl ?? '', xlsxUrl: links?.xlsxUrl ?? '', linksNote: note };
}

export interface ReportSummaryCardInput {
  orgName: string;
  summary: ReportSummary;
  at: Date;
  downloads: CardDownloads;
  locale: Locale;
  /**
   * Who is behind "expiring in the next 90 days": their names on the card in the admin's personal
   * chat ('shown'); in a shared conversation only the counts, and where the names went ('sent') or
   * where to ask for them ('ask'). Absent: the counts only, as before.
   */
  expiringPeople?: ExpiringPeople;
  /** How dates are written (default: the language's), after the Teams client's region. */
  dates?: DateStyle;
}

export type ExpiringPeople = { kind: 'shown'; people: NamedExpiry[] } | { kind: 'sent' } | { kind: 'ask' };

function expiringPeopleData(who: ExpiringPeople | undefined, locale: Locale, dates: DateStyle | Locale) {
  const shown = who?.kind === 'shown' ? who.people : [];
  const more = shown.length - CARD_PEOPLE_LIMIT;
  const note = who?.kind === 'sent' ? say(locale, 'reportExpiringNamesSent') : who?.kind === 'ask' ? say(locale, 'reportExpiringNamesAsk') : more > 0 ? say(locale, 'reportMorePeople', { count: more }) : '';
  return {
    expiringWhoHeading: say(locale, 'reportExpiringWho', { days: EXPIRING_WITHIN_DAYS }),
    expiringPeople: shown.slice(0, CARD_PEOPLE_LIMIT).map((e) => ({ label: e.name, value: say(locale, 'reportExpiringEntry', { title: e.title, date: formatDate(e.expiresOn, dates) }) })),
    expiringWhoNote: note,
  };
}

export function reportSummaryCard(input: ReportSummaryCardInput): AdaptiveCardAttachment {
  const { summary, locale } = input;
  const facts = (list: { title: string; count: number }[]) => list.slice(0, CARD_TITLE_LIMIT).map((x) => ({ label: x.title, value: n(x.count, locale) }));
  const more = (total: number, key: 'reportMoreTitles' | 'reportMoreExpiring') => (total > CARD_TITLE_LIMIT ? say(locale, key, { count: total - CARD_TITLE_LIMIT }) : '');
  return renderCard(reportSummaryTemplate, {
    heading: say(locale, 'reportHeading', { org: input.orgName }),
    asOf: say(locale, 'reportAsOf', { date: formatDate(input.at, input.dates ?? locale) }),
    empty: summary.empty,
    emptyMessage: say(locale, 'reportEmpty'),
    linkedLabel: say(locale, 'reportLinked'),
    linked: n(summary.linked, locale),
    pendingLabel: say(locale, 'reportPending'),
    pending: n(summary.pendingCredit, locale),
    pendingNote: say(locale, 'reportPendingNote', { days: CREDIT_DELAY_DAYS }),
    byTitleHeading: say(locale, 'reportByTitle'),
    byTitle: facts(summary.byTitle),
    moreTitles: more(summary.byTitle.length, 'reportMoreTitles'),
    expiredNote: summary.expired > 0 ? say(locale, 'reportExpiredNote', { count: n(summary.expired, locale) }) : '',
    expiringHeading: say(locale, 'reportExpiring', { days: EXPIRING_WITHIN_DAYS, total: n(summary.expiringSoonTotal, locale) }),
    expiring: facts(summary.expiringSoon),
    moreExpiring: more(summary.expiringSoon.length, 'reportMoreExpiring'),
    noneLabel: say(locale, 'reportNone'),
    csvLabel: say(locale, 'reportCsv'),
    xlsxLabel: say(locale, 'reportXlsx'),
    ...downloadData(input.downloads, 'report', locale),
    ...expiringPeopleData(input.expiringPeople, locale, input.dates ?? locale),
  });
}

/** The downloads an admin asked for in a channel or group chat, sent to their personal chat. */
export function downloadLinksCard(input: { what: 'report' | 'audit'; orgName: string; csvUrl: string; xlsxUrl: string; locale: Locale }): AdaptiveCardAttachment {
  const { locale } = input;
  return renderCard(downloadLinksTemplate, {
    heading: say(locale, input.what === 'report' ? 'reportHeading' : 'auditHeading', { org: input.orgName }),
    body: say(locale, 'downloadsHere'),
    csvLabel: say(locale, input.what === 'report' ? 'reportCsv' : 'auditCsv'),
    xlsxLabel: say(locale, input.what === 'report' ? 'reportXlsx' : 'auditXlsx'),
    ...downloadData({ kind: 'links', csvUrl: input.csvUrl, xlsxUrl: input.xlsxUrl }, input.what, locale),
  });
}

export function adminListCard(input: { orgName: string; admins: AdminList; nameOf?: NameOf; locale: Locale }): AdaptiveCardAttachment {
  const { locale } = input;
  const named = (ids: string[]) => ids.map((id) => ({ name: input.nameOf?.(id) ?? id }));
  return renderCard(adminListTemplate, {
    heading: say(locale, 'adminListHeading', { org: input.orgName }),
    globalHeading: say(locale, 'adminListGlobal'),
    globalAdmins: named(input.admins.globalAdmins),
    partnerHeading: say(locale, 'adminListPartner'),
    partnerAdmins: named(input.admins.partnerAdmins),
    noneLabel: say(locale, 'adminListNone'),
    howTo: say(locale, 'adminListHowTo'),
  });
}

export function describeAuditEntry(entry: AuditEntry, locale: Locale, nameOf?: NameOf, dates: DateStyle | Locale = locale): { what: string; when: string } {
  const name = (id: string | undefined) => (id ? (nameOf?.(id) ?? id) : '');
  const what = say(locale, AUDIT_ACTION_TEXT[entry.action], {
    actor: name(entry.actorUserId),
    target: name(entry.targetUserId),
    mcid: entry.mcid ?? '',
    format: entry.details?.format?.toUpperCase() ?? '',
  });
  const at = new Date(entry.at);
  return { what, when: `${formatDate(at, dates).replace(' (UTC)', '')} ${timeFormats[locale].format(at)} UTC` };
}

export function auditLogCard(input: { orgName: string; entries: AuditEntry[]; downloads: CardDownloads; nameOf?: NameOf; locale: Locale; dates?: DateStyle }): AdaptiveCardAttachment {
  const { locale } = input;
  return renderCard(auditLogTemplate, {
    heading: say(locale, 'auditHeading', { org: input.orgName }),
    subheading: say(locale, 'auditSubheading', { count: input.entries.length }),
    emptyMessage: say(locale, 'auditEmpty'),
    entries: input.entries.map((e) => describeAuditEntry(e, locale, input.nameOf, input.dates)),
    csvLabel: say(locale, 'auditCsv'),
    xlsxLabel: say(locale, 'auditXlsx'),
    ...downloadData(input.downloads, 'audit', locale),
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
  dates?: DateStyle;
}

export function confirmRemovalCard(input: ConfirmRemovalInput): AdaptiveCardAttachment {
  const { locale } = input;
  return renderCard(confirmRemovalTemplate, {
    heading: say(locale, 'removalHeading'),
    question: say(locale, 'removalQuestion', { org: input.orgName }),
    personLabel: say(locale, 'removalPerson'),
    person: input.personName || '—',
    mcidLabel: say(locale, 'removalMcid'),
    mcid: input.mcid,
    sinceLabel: say(locale, 'removalSince'),
    since: formatDate(input.linkedSince, input.dates ?? locale),
    consequences: say(locale, 'removalConsequences', { org: input.orgName }),
    confirmLabel: say(locale, 'removalConfirm'),
    cancelLabel: say(locale, 'removalCancel'),
    mpnId: input.mpnId,
    cardId: input.cardId,
  });
}

export type RemovalResult = { kind: 'removed'; personName: string; mcid: string; notified: boolean } | { kind: 'notLinked'; mcid: string } | { kind: 'cancelled' };

export function removalResultCard(input: { orgName: string; result: RemovalResult; locale: Locale }): AdaptiveCardAttachment {
  const { locale } = input;
  const r = input.result;
  let heading: string;
  let message: string;
  if (r.kind === 'removed') {
    heading = say(locale, 'removalRemovedHeading');
    const removed = say(locale, 'removalRemoved', { person: r.personName || say(locale, 'removalPerson'), mcid: r.mcid, org: input.orgName });
    message = removed + (r.notified ? ` ${say(locale, 'removalRemovedNotified')}` : '');
  } else if (r.kind === 'notLinked') {
    heading = say(locale, 'removalNotLinkedHeading');
    message = say(locale, 'removalNotLinked', { mcid: r.mcid, org: input.orgName });
  } else {
    heading = say(locale, 'removalCancelledHeading');
    message = say(locale, 'removalCancelled');
  }
  return renderCard(removalResultTemplate, { heading, message });
}

/**
 * The polite no: says who can help and names no data (not the org's admins,
 * not whether a report exists). `about: 'roles'` for a partner admin trying to
 * change roles.
 */
export function adminRefusalCard(input: { locale: Locale; about?: 'adminFeature' | 'roles' }): AdaptiveCardAttachment {
  const { locale } = input;
  const roles = input.about === 'roles';
  return renderCard(adminRefusalTemplate, {
    heading: say(locale, 'adminRefusalHeading'),
    message: say(locale, roles ? 'adminRefusalRoleMessage' : 'adminRefusalMessage'),
    help: say(locale, roles ? 'adminRefusalRoleHelp' : 'adminRefusalHelp'),
  });
}
