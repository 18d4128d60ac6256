/** What the "my data" export and the erasure read and change, and how a person is named to them. */
import { DigestSubscriptions } from '../renewals/digestSubscriptions';
import { AssociationService } from '../association/associationService';
import { AssociationStore } from '../association/associationStore';
import { AuditLog } from '../audit/auditLog';
import { Clock } from '../clock';
import { OrgDirectory } from '../directory/orgDirectory';
import { ProfileStore } from '../directory/profileStore';
import { DocumentStore } from '../kv/documentStore';
import { ConversationRefStore, NoticePreferenceStore } from '../notices/conversationRefStore';
import { ReportIndexStore } from '../report/reportIndexStore';
import { UniversityAssessmentStore } from '../university/universityAssessments';
import { UniversityService } from '../university/universityService';
import { PersonNotices } from './personNotices';
import { PseudonymizedStarts } from './pseudonymizedStarts';
import { Pseudonymizer } from './pseudonymizer';
import { RetentionPolicy } from './retention';
import { AuditRetention, ProfileRetention, RecordRetention } from './retentionStores';

/** The person asking, as Teams identifies them; email = their Teams address (the profile it leads to is theirs). */
export interface PersonRef {
  tenantId: string;
  userId: string;
  email: string | null;
  /** Their personal chat with the bot, when known (its session state is theirs). */
  conversationId?: string | null;
}

export interface PrivacyDeps {
  associations: AssociationService;
  records: AssociationStore & RecordRetention;
  profiles: ProfileStore & ProfileRetention;
  audit: AuditLog & AuditRetention;
  reportIndex: ReportIndexStore;
  university: UniversityService;
  /** The assessments of Partner University accounts: those of the person's linked account are theirs. */
  universityAssessments?: UniversityAssessmentStore;
  /** Notice stores; null when notices do not run. */
  refs: ConversationRefStore | null;
  prefs: NoticePreferenceStore | null;
  /** Monthly digest subscriptions (an admin's own setting), forgotten by an erasure. */
  digests?: DigestSubscriptions | null;
  notices: PersonNotices | null;
  erasedStarts: PseudonymizedStarts;
  pseudonymizer: Pseudonymizer;
  orgs: OrgDirectory;
  /** Session state documents (bot/runtime/botbuilder/storeBackedStorage.ts), read for the export. */
  documents: DocumentStore;
  clock: Clock;
  policy: RetentionPolicy;
}

/** The key botbuilder's ConversationState uses for a Teams conversation, under StoreBackedStorage's namespace. */
export function sessionStateKey(conversationId: string): string {
  return `botstate:msteams/conversations/${conversationId}/`;
}

/**
 * The person's Teams email, kept for the life of a "my data" link (15 minutes)
 * so the download finds the same profile the card did: the link itself carries
 * no email, and the download request has no Teams turn to ask for it.
 */
export function exportEmailKey(tenantId: string, userId: string): string {
  return `privacy:exportEmail:${tenantId.toLowerCase()}|${userId}`;
}

export async function rememberExportEmail(deps: Pick<PrivacyDeps, 'documents'>, person: PersonRef, ttlSeconds: number): Promise<void> {
  if (person.email) await deps.documents.write(exportEmailKey(person.tenantId, person.userId), { email: person.email }, '*', ttlSeconds);
}

export async function exportEmail(deps: Pick<PrivacyDeps, 'documents'>, tenantId: string, userId: string): Promise<string | null> {
  const doc = (await deps.documents.read([exportEmailKey(tenantId, userId)])).get(exportEmailKey(tenantId, userId));
  const email = (doc?.value as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email : null;
}

/**
 * The MCID whose data is this person's: the one they linked, else the profile
 * their Teams email leads to, unless someone else holds a link on that MCID
 * (then whose it is is not clear, and its data is left alone).
 */
export async function mcidOfPerson(deps: PrivacyDeps, person: PersonRef): Promise<string | null> {
  const linked = await deps.associations.recordOfPerson(person.tenantId, person.userId);
  if (linked) return linked.mcid;
  if (!person.email) return null;
  const profile = await deps.profiles.findByEmail(person.email);
  if (!profile) return null;
  const record = await deps.records.getRecord(profile.mcid);
  if (record?.link && record.link.userId !== person.userId) return null;
  return profile.mcid;
}

/** Orgs whose audit may name the person: their own org and every org their MCID was linked to. */
export function orgsToSearch(deps: PrivacyDeps, person: PersonRef, mpnIds: string[]): string[] {
  const own = deps.orgs.forTenant(person.tenantId)?.mpnId;
  return [...new Set([...(own ? [own] : []), ...mpnIds.filter((m) => m !== '')])];
}
