/**
 * Every admin capability as one guarded call (R7): the requester must be a
 * global or partner admin of the org their own tenant belongs to, and any org
 * named in a card's data must be that same org. A refusal carries no data.
 * The chat handlers call these and render the result with cards/adminCards.ts.
 */
import { AssociationService } from '../association/associationService';
import { AssociationStore } from '../association/associationStore';
import { AuditEntry, AuditLog } from '../audit/auditLog';
import { Clock } from '../clock';
import { ProfileStore } from '../directory/profileStore';
import { Organization } from '../directory/types';
import { ReportRow } from '../report/reportColumns';
import { ReportPerson } from '../report/reportLines';
import { ReportService, ReportSummary } from '../report/reportService';
import { DownloadLinkSigner, SignedLink } from '../report/signedLink';
import { AdminList, AdminRole, GrantOutcome, RevokeOutcome, RoleService } from '../roles/roleService';

export type AdminRefusal = { kind: 'refused'; reason: 'notAdmin' | 'otherOrg' };

export interface DownloadLinks {
  csv: SignedLink;
  xlsx: SignedLink;
}

/** How an admin names the person to remove: "remove alice@contoso.com", an MCID, or an @mention (Entra id in the org's tenant). */
export type MemberQuery = { email: string } | { mcid: string } | { tenantId: string; userId: string };

export type FoundMember =
  | { kind: 'found'; mcid: string; firstName: string; lastName: string; linkedSince: string }
  /** Nobody linked in this org matches; says nothing about other orgs. */
  | { kind: 'notFound' };

export type RemovalOutcome =
  | { kind: 'removed'; mcid: string; userId: string; tenantId: string }
  /** Already gone from this org (removed by someone else, or they left). */
  | { kind: 'notLinked' };

export interface AdminActionsDeps {
  roles: RoleService;
  reports: ReportService;
  audit: AuditLog;
  association: AssociationService;
  associations: AssociationStore;
  profiles: ProfileStore;
  signer: DownloadLinkSigner;
  clock: Clock;
}

export const AUDIT_CARD_ENTRIES = 20;

export class AdminActions {
  constructor(private readonly deps: AdminActionsDeps) {}

  /** The requester's role in their org, or a refusal: for handlers that only need the check. */
  async authorize(org: Organization, userId: string): Promise<{ kind: 'ok'; role: AdminRole } | AdminRefusal> {
    const role = await this.deps.roles.roleOf(org, userId);
    return role ? { kind: 'ok', role } : { kind: 'refused', reason: 'notAdmin' };
  }

  /** For card actions: the org in the card's data must be the requester's own. */
  async authorizeFor(org: Organization, userId: string, mpnIdInData: string): Promise<{ kind: 'ok'; role: AdminRole } | AdminRefusal> {
    if (mpnIdInData !== org.mpnId) return { kind: 'refused', reason: 'otherOrg' };
    return this.authorize(org, userId);
  }

  async reportSummary(org: Organization, userId: string): Promise<{ kind: 'ok'; summary: ReportSummary; at: Date } | AdminRefusal> {
    const auth = await this.authorize(org, userId);
    if (auth.kind !== 'ok') return auth;
    const at = this.deps.clock.now();
    return { kind: 'ok', summary: await this.deps.reports.summary(org.mpnId, at), at };
  }

  /**
   * Download links for the report or the audit log, made for this admin alone: each names them,
   * works once and for 15 minutes, and the route checks their role again. Callers hand them to
   * the admin's personal chat or the tab's SSO-checked API only, never to a shared conversation.
   */
  async downloadLinks(org: Organization, userId: string, kind: 'report' | 'audit'): Promise<{ kind: 'ok'; links: DownloadLinks } | AdminRefusal> {
    const auth = await this.authorize(org, userId);
    if (auth.kind !== 'ok') return auth;
    return { kind: 'ok', links: { csv: this.deps.signer.sign(kind, org.mpnId, userId, 'csv'), xlsx: this.deps.signer.sign(kind, org.mpnId, userId, 'xlsx') } };
  }

  async reportRows(org: Organization, userId: string): Promise<{ kind: 'ok'; rows: AsyncIterable<ReportRow> } | AdminRefusal> {
    const auth = await this.authorize(org, userId);
    if (auth.kind !== 'ok') return auth;
    return { kind: 'ok', rows: this.deps.reports.rows(org.mpnId, this.deps.clock.now()) };
  }

  /** The report's people, in batches, as the store has them (the tab's overview: no row object per certification). */
  async reportPeople(org: Organization, userId: string): Promise<{ kind: 'ok'; people: AsyncIterable<ReportPerson[]> } | AdminRefusal> {
    const auth = await this.authorize(org, userId);
    if (auth.kind !== 'ok') return auth;
    return { kind: 'ok', people: this.deps.reports.people(org.mpnId) };
  }

  async auditLog(org: Organization, userId: string): Promise<{ kind: 'ok'; entries: AuditEntry[] } | AdminRefusal> {
    const auth = await this.authorize(org, userId);
    if (auth.kind !== 'ok') return auth;
    return { kind: 'ok', entries: await this.deps.audit.latest(org.mpnId, AUDIT_CARD_ENTRIES) };
  }

  async listAdmins(org: Organization, userId: string): Promise<{ kind: 'ok'; admins: AdminList } | AdminRefusal> {
    const auth = await this.authorize(org, userId);
    if (auth.kind !== 'ok') return auth;
    return { kind: 'ok', admins: await this.deps.roles.listAdmins(org) };
  }

  grantPartnerAdmin(org: Organization, userId: string, targetUserId: string): Promise<GrantOutcome> {
    return this.deps.roles.grantPartnerAdmin(org, userId, targetUserId);
  }

  revokePartnerAdmin(org: Organization, userId: string, targetUserId: string): Promise<RevokeOutcome> {
    return this.deps.roles.revokePartnerAdmin(org, userId, targetUserId);
  }

  /** Finds the person an admin wants to remove, among those linked in this org only. For the confirmation card. */
  async findMember(org: Organization, userId: string, query: MemberQuery): Promise<FoundMember | AdminRefusal> {
    const auth = await this.authorize(org, userId);
    if (auth.kind !== 'ok') return auth;
    let mcid: string | null;
    if ('email' in query) mcid = (await this.deps.profiles.findByEmail(query.email))?.mcid ?? null;
    else if ('mcid' in query) mcid = query.mcid.trim();
    else mcid = org.tenantIds.some((t) => t.toLowerCase() === query.tenantId.toLowerCase()) ? await this.deps.associations.mcidForPerson(query.tenantId, query.userId) : null;
    if (!mcid) return { kind: 'notFound' };
    const record = await this.deps.associations.getRecord(mcid);
    if (!record?.link || record.link.mpnId !== org.mpnId) return { kind: 'notFound' };
    const profile = await this.deps.profiles.get(mcid);
    return { kind: 'found', mcid, firstName: profile?.firstName ?? '', lastName: profile?.lastName ?? '', linkedSince: record.link.since };
  }

  /**
   * The confirmed removal (Action.Execute 'admin.remove.confirm'). Ends the link
   * with the reason "removed by admin"; never links anyone (R5).
   */
  async removeFromReport(org: Organization, userId: string, data: { mcid: string; mpnId: string }): Promise<RemovalOutcome | AdminRefusal> {
    const auth = await this.authorizeFor(org, userId, data.mpnId);
    if (auth.kind !== 'ok') return auth;
    const out = await this.deps.association.removeFromOrg(data.mcid, org.mpnId, userId);
    if (out.kind !== 'unlinked') return { kind: 'notLinked' };
    return { kind: 'removed', mcid: data.mcid, userId: out.ended.userId, tenantId: out.ended.tenantId };
  }
}
