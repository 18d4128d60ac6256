/**
 * The two tabs' data, as JSON:
 *   GET  /api/tab/me               the caller's own link, associations in the window, next allowed date
 *   GET  /api/tab/report           the caller's org's skills report (admins of that org only, R7)
 *   POST /api/tab/report/download  a download link for that report, made for the caller at their click
 * The caller is whoever the Teams SSO token (or, in local mode, the dev identity) says;
 * the org is the one their own tenant belongs to, so nobody reads another tenant's data. A guest
 * (B2B) account acts for no organization: 403. The person's profile is found the way the chat finds
 * it: their link first, then their sign-in name, only when it is in a domain their own org lists.
 * Errors have the server's usual body: { error, reason }.
 */
import type * as restify from 'restify';
import { AdminActions } from '../../services/admin/adminActions';
import { AssociationService } from '../../services/association/associationService';
import { LimitWindowKind, McidRecord } from '../../services/association/types';
import { OrgDirectory } from '../../services/directory/orgDirectory';
import { ProfileStore } from '../../services/directory/profileStore';
import { orgListsDomainOf } from '../../services/directory/emailProof';
import { Organization } from '../../services/directory/types';
import { isExpired, titleBesideNumber } from '../../services/directory/certifications';
import { Clock } from '../../services/clock';
import { isStoreUnavailable } from '../../services/errors';
import { EMPTY_REPORT_MESSAGE } from '../../services/report/reportColumns';
import { EXPIRING_WITHIN_DAYS, ReportSummary } from '../../services/report/reportService';
import { SkillsOverview, skillsOverview } from '../../services/report/skillsOverview';
import { NoticePreferenceStore } from '../../services/notices/conversationRefStore';
import { hashUserId, Logger } from '../logging';
import { TabIdentity, TabIdentityVerifier } from './tabIdentity';

export const TAB_API_PATHS = { me: '/api/tab/me', report: '/api/tab/report', download: '/api/tab/report/download' } as const;

/** People sent to the tab at most; the counts and charts cover everyone, the downloads have them all. */
export const DEFAULT_MAX_REPORT_PEOPLE = 20_000;
/** Months of the tab's expiry chart, this one included. */
export const EXPIRY_CHART_MONTHS = 12;

export interface TabApiDeps {
  verify: TabIdentityVerifier;
  orgs: OrgDirectory;
  associations: AssociationService;
  profiles: ProfileStore;
  admin: AdminActions;
  /** Each person's notice setting ("stop notifications"); null when notices are not running. */
  noticePrefs: Pick<NoticePreferenceStore, 'noticesEnabled'> | null;
  log: Logger;
  /** Today, for which certifications have expired. */
  clock: Clock;
  maxReportPeople?: number;
}

export interface MyCertificationView {
  identity: { via: TabIdentity['via'] };
  org: { mpnId: string; name: string };
  /** The person's current link, when they have one (verified against the per-MCID record). */
  link: { mcid: string; mpnId: string; orgName: string | null; since: string; proof: string } | null;
  /** The MCID the view is about: the linked one, or the profile of the person's sign-in name (in their org's domains); null when neither. */
  mcid: string | null;
  /** Association starts that count against the limit now, oldest first. */
  associations: { mpnId: string; orgName: string | null; at: string }[];
  limits: { maxPerWindow: number; windowDays: number; windowKind: LimitWindowKind; cooldownDays: number };
  /** YYYY-MM-DD (UTC) of the first day a new association is allowed; today when allowed now. */
  nextAllowedDate: string | null;
  allowedNow: boolean;
  blockedBy: string[];
  /** Whether CertLink tells the person in chat when they may link again; absent when notices are not running. */
  notices?: { enabled: boolean };
  /** The exams and certifications on that MCID's profile (dates YYYY-MM-DD; the title without the number it repeats); expired: before today (UTC). */
  certifications: { number: string; title: string; type: 'certification' | 'exam'; earnedOn: string; expiresOn: string | null; expired: boolean }[];
}

/** A download link made for the caller: it works once, until expiresAt. */
export interface DownloadLinkView {
  url: string;
  expiresAt: string;
}

/** The org's people (one entry each, with their certifications' states), counts by state and expiries by month; truncated when more people than the tab shows. */
export interface SkillsReportView extends SkillsOverview {
  org: { mpnId: string; name: string };
  summary: ReportSummary;
  emptyMessage: { en: string; fr: string } | null;
  /** Where the tab asks (POST, with its token) for a one-time download link of each format, at the admin's click. */
  downloads: { csv: string; xlsx: string };
  /** A certification expiring within this many days is "expiring soon". */
  expiringWithinDays: number;
  at: string;
}

function send(res: restify.Response, status: number, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.send(status, body);
}

function refuse(res: restify.Response, status: number, error: string, reason: string): void {
  send(res, status, { error, reason });
}

export function registerTabApi(server: restify.Server, deps: TabApiDeps): void {
  const maxPeople = deps.maxReportPeople ?? DEFAULT_MAX_REPORT_PEOPLE;

  /** The caller and their org, or the response was already sent. */
  async function caller(req: restify.Request, res: restify.Response): Promise<{ identity: TabIdentity; org: Organization } | null> {
    const result = await deps.verify(req.headers);
    if (!result.ok) {
      res.header('WWW-Authenticate', 'Bearer');
      refuse(res, 401, 'unauthorized', result.reason);
      return null;
    }
    const org = deps.orgs.forTenant(result.identity.tenantId);
    if (!org) {
      refuse(res, 403, 'unknown_tenant', `Your organization's Microsoft 365 tenant (${result.identity.tenantId}) is not registered with CertLink. Ask your admin to add it to ORGS_FILE.`);
      return null;
    }
    if (result.identity.guest) {
      deps.log.info({ user: hashUserId(result.identity.userId), mpnId: org.mpnId }, 'tab API: refused a guest account');
      refuse(res, 403, 'guest', `You are signed in as a guest of ${org.name}: CertLink acts for the organization you work for. Open CertLink in your own organization's Teams.`);
      return null;
    }
    return { identity: result.identity, org };
  }

  function guarded(where: string, handler: (req: restify.Request, res: restify.Response) => Promise<void>) {
    return async (req: restify.Request, res: restify.Response): Promise<void> => {
      try {
        await handler(req, res);
      } catch (err) {
        deps.log.warn({ err: String(err), where }, 'tab API failed');
        if (isStoreUnavailable(err)) refuse(res, 503, 'unavailable', 'CertLink is temporarily unavailable. Please try again in a few minutes.');
        else refuse(res, 500, 'internal_error', 'Something went wrong.');
      }
    };
  }

  server.get(
    TAB_API_PATHS.me,
    guarded('me', async (req, res) => {
      const who = await caller(req, res);
      if (!who) return;
      send(res, 200, await myCertification(deps, who.identity, who.org));
    }),
  );

  server.get(
    TAB_API_PATHS.report,
    guarded('report', async (req, res) => {
      const who = await caller(req, res);
      if (!who) return;
      const { identity, org } = who;
      const summary = await deps.admin.reportSummary(org, identity.userId);
      const people = summary.kind === 'ok' ? await deps.admin.reportPeople(org, identity.userId) : summary;
      if (summary.kind !== 'ok' || people.kind !== 'ok') return refuseNonAdmin(res, identity, org);
      const overview = await skillsOverview(people.people, { now: summary.at, expiringWithinDays: EXPIRING_WITHIN_DAYS, months: EXPIRY_CHART_MONTHS, maxPeople });
      const view: SkillsReportView = {
        org: { mpnId: org.mpnId, name: org.name },
        summary: summary.summary,
        emptyMessage: summary.summary.empty ? { ...EMPTY_REPORT_MESSAGE } : null,
        downloads: { csv: `${TAB_API_PATHS.download}?fmt=csv`, xlsx: `${TAB_API_PATHS.download}?fmt=xlsx` },
        expiringWithinDays: EXPIRING_WITHIN_DAYS,
        ...overview,
        at: summary.at.toISOString(),
      };
      send(res, 200, view);
    }),
  );

  // The link is made at the click, for the admin the token names, and works once: the page opens it at once.
  server.post(
    TAB_API_PATHS.download,
    guarded('download', async (req, res) => {
      const who = await caller(req, res);
      if (!who) return;
      const fmt = new URL(req.url ?? '', 'http://localhost').searchParams.get('fmt') ?? 'csv';
      if (fmt !== 'csv' && fmt !== 'xlsx') return refuse(res, 400, 'bad_format', 'Ask for fmt=csv or fmt=xlsx.');
      const out = await deps.admin.downloadLinks(who.org, who.identity.userId, 'report');
      if (out.kind !== 'ok') return refuseNonAdmin(res, who.identity, who.org);
      const link = out.links[fmt];
      const view: DownloadLinkView = { url: link.url, expiresAt: link.expiresAt.toISOString() };
      send(res, 200, view);
    }),
  );

  function refuseNonAdmin(res: restify.Response, identity: TabIdentity, org: Organization): void {
    deps.log.info({ user: hashUserId(identity.userId), mpnId: org.mpnId }, 'tab API: report refused to a non-admin');
    refuse(res, 403, 'not_admin', `Only the global admins and partner admins of ${org.name} can see its skills report. Ask one of them if you need it.`);
  }
}

async function myCertification(deps: TabApiDeps, identity: TabIdentity, org: Organization): Promise<MyCertificationView> {
  let record: McidRecord | null = await deps.associations.recordOfPerson(identity.tenantId, identity.userId);
  let mcid = record?.mcid ?? null;
  if (!mcid && identity.upn && orgListsDomainOf(org, identity.upn)) {
    // Not linked: the profile of their own sign-in name still tells them when they may link. Only a
    // name in a domain their own tenant's org lists: a token of another tenant naming it proves nothing.
    mcid = (await deps.profiles.findByEmail(identity.upn))?.mcid ?? null;
  }
  const status = mcid ? await deps.associations.status(mcid) : null;
  record = status?.record ?? null;
  const own = record?.link && record.link.userId === identity.userId && record.link.tenantId === identity.tenantId ? record.link : null;
  const orgName = (mpnId: string) => deps.orgs.byMpnId(mpnId)?.name ?? null;
  const limits = deps.associations.limits;
  const [notices, profile] = await Promise.all([
    deps.noticePrefs ? deps.noticePrefs.noticesEnabled(identity.tenantId, identity.userId).then((enabled) => ({ enabled })) : undefined,
    mcid ? deps.profiles.get(mcid) : null,
  ]);
  const now = deps.clock.now();
  return {
    identity: { via: identity.via },
    org: { mpnId: org.mpnId, name: org.name },
    link: own && mcid ? { mcid, mpnId: own.mpnId, orgName: orgName(own.mpnId), since: own.since, proof: own.proof } : null,
    mcid,
    associations: (status?.availability.startsInWindow ?? []).map((s) => ({ mpnId: s.mpnId, orgName: orgName(s.mpnId), at: s.at })),
    limits: { ...limits },
    nextAllowedDate: status ? status.availability.date.toISOString().slice(0, 10) : null,
    allowedNow: status ? status.availability.blockedBy.length === 0 : true,
    blockedBy: status?.availability.blockedBy ?? [],
    ...(notices ? { notices } : {}),
    certifications: (profile?.certifications ?? []).map((c) => ({
      number: c.number,
      title: titleBesideNumber(c),
      type: c.type,
      earnedOn: c.earnedOn,
      expiresOn: c.expiresOn ?? null,
      expired: isExpired(c, now),
    })),
  };
}
