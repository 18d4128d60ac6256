/**
 * "my data": everything CertLink stores about one person, and nothing about
 * anyone else. Other people's ids never appear: in the association history
 * and the audit entries, whoever is not the person is named by a role
 * ("an administrator of Contoso", "another account"), never by id.
 */
import { AuditAction, AuditEntry } from '../audit/auditLog';
import { CertificationProfile } from '../directory/types';
import { ConversationRef, DueNotice } from '../notices/types';
import { UniversityAssessment } from '../university/universityAssessments';
import { UniversityLink } from '../university/universityService';
import { mcidOfPerson, orgsToSearch, PersonRef, PrivacyDeps, sessionStateKey } from './privacyDeps';

export type Party = 'you' | 'anAdministrator' | 'anotherAccount';

export interface ExportedAuditEntry {
  at: string;
  org: { mpnId: string; name: string | null };
  action: AuditAction;
  by: Party;
  /** Present when the entry is about someone acted on: always the person here (entries about others are left out). */
  about?: 'you';
  mcid?: string;
  details?: Record<string, string>;
}

export interface PersonalDataExport {
  format: 'certlink-personal-data-v1';
  exportedAt: string;
  person: { tenantId: string; userId: string; teamsEmail: string | null; organization: { mpnId: string; name: string } | null };
  profile: CertificationProfile | null;
  currentLink: { mcid: string; org: { mpnId: string; name: string | null }; since: string; proof: string } | null;
  associationHistory: {
    mcid: string | null;
    /** Every association start of the MCID (the abuse limits count them). Org '' = kept from an earlier erasure, date only. */
    starts: { org: { mpnId: string; name: string | null }; at: string }[];
    endedLinks: { org: { mpnId: string; name: string | null }; since: string; endedAt: string; reason: string; by: Party }[];
  };
  noticeSettings: { noticesEnabled: boolean; lastRemindedByAdmin: string | null } | null;
  pendingNotices: { dueAt: string; reason: string; scheduledAt: string }[];
  conversationReference: ConversationRef | null;
  partnerUniversity: UniversityLink | null;
  /** The imported assessments of that Partner University account. */
  partnerUniversityAssessments: UniversityAssessment[];
  /** Botbuilder state of the personal chat (cards waiting for a click, a sign-in in progress). */
  sessionState: unknown;
  auditEntries: ExportedAuditEntry[];
}

/** Actions only an org's admins can take. */
const ADMIN_ACTIONS = new Set<AuditAction>(['removedByAdmin', 'grantPartnerAdmin', 'revokePartnerAdmin', 'downloadReport', 'downloadAudit']);

export function auditEntryAbout(entry: AuditEntry, userId: string, mcid: string | null): boolean {
  return entry.actorUserId === userId || entry.targetUserId === userId || (mcid !== null && entry.mcid === mcid);
}

/**
 * The person's view of an entry: their own id becomes "you", anybody else's becomes a role.
 * An entry whose target is someone else (e.g. a takeover from another account) keeps only what is theirs.
 */
export function exportedAuditEntry(entry: AuditEntry, userId: string, orgName: string | null): ExportedAuditEntry {
  const by: Party = entry.actorUserId === userId ? 'you' : ADMIN_ACTIONS.has(entry.action) ? 'anAdministrator' : 'anotherAccount';
  const out: ExportedAuditEntry = { at: entry.at, org: { mpnId: entry.mpnId, name: orgName }, action: entry.action, by };
  if (entry.targetUserId === userId) out.about = 'you';
  if (entry.mcid) out.mcid = entry.mcid;
  if (entry.details) out.details = { ...entry.details };
  return out;
}

export class PersonalDataExporter {
  constructor(private readonly deps: PrivacyDeps) {}

  private org(mpnId: string): { mpnId: string; name: string | null } {
    return { mpnId, name: mpnId ? (this.deps.orgs.byMpnId(mpnId)?.name ?? null) : null };
  }

  async export(person: PersonRef): Promise<PersonalDataExport> {
    const { deps } = this;
    const mcid = await mcidOfPerson(deps, person);
    const status = mcid ? await deps.associations.status(mcid) : null;
    const record = status?.record ?? null;
    const link = record?.link && record.link.userId === person.userId ? record.link : null;
    const ownOrg = deps.orgs.forTenant(person.tenantId);

    const auditEntries: ExportedAuditEntry[] = [];
    for (const mpnId of orgsToSearch(
      deps,
      person,
      [...(record?.starts ?? []), ...(record?.ended ?? [])].map((s) => s.mpnId),
    )) {
      for await (const entry of deps.audit.stream(mpnId)) {
        if (auditEntryAbout(entry, person.userId, mcid)) auditEntries.push(exportedAuditEntry(entry, person.userId, this.org(mpnId).name));
      }
    }

    const ref = deps.refs ? await deps.refs.get(person.tenantId, person.userId) : null;
    const conversationId = person.conversationId ?? ref?.conversationId ?? null;
    const session = conversationId ? (await deps.documents.read([sessionStateKey(conversationId)])).get(sessionStateKey(conversationId)) : undefined;
    const pending: DueNotice[] = deps.notices ? await deps.notices.pendingFor(person.tenantId, person.userId) : [];
    const lastReminded = deps.prefs ? await deps.prefs.lastReminded(person.tenantId, person.userId) : null;
    const university = await deps.university.get(person.tenantId, person.userId);

    return {
      format: 'certlink-personal-data-v1',
      exportedAt: deps.clock.now().toISOString(),
      person: { tenantId: person.tenantId, userId: person.userId, teamsEmail: person.email, organization: ownOrg ? { mpnId: ownOrg.mpnId, name: ownOrg.name } : null },
      profile: mcid ? await deps.profiles.get(mcid) : null,
      currentLink: link && mcid ? { mcid, org: this.org(link.mpnId), since: link.since, proof: link.proof } : null,
      associationHistory: {
        mcid,
        starts: (record?.starts ?? []).map((s) => ({ org: this.org(s.mpnId), at: s.at })),
        endedLinks: (record?.ended ?? []).map((e) => ({
          org: this.org(e.mpnId),
          since: e.since,
          endedAt: e.endedAt,
          reason: e.reason,
          by: e.reason === 'removedByAdmin' ? 'anAdministrator' : e.userId === person.userId ? 'you' : 'anotherAccount',
        })),
      },
      noticeSettings: deps.prefs ? { noticesEnabled: await deps.prefs.noticesEnabled(person.tenantId, person.userId), lastRemindedByAdmin: lastReminded?.toISOString() ?? null } : null,
      pendingNotices: pending.map((n) => ({ dueAt: n.dueAt.toISOString(), reason: n.reason, scheduledAt: n.scheduledAt.toISOString() })),
      conversationReference: ref,
      partnerUniversity: university,
      partnerUniversityAssessments: university && deps.universityAssessments ? await deps.universityAssessments.get(university.account) : [],
      sessionState: session?.value ?? null,
      auditEntries,
    };
  }
}
