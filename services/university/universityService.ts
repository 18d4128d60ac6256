/**
 * R9: a person's Partner University account. Like the MCID, only the person
 * links or removes it; the "Use email@address" shortcut uses their work email.
 */
import { Clock } from '../clock';
import { DocumentStore } from '../kv/documentStore';

export interface UniversityLink {
  account: string;
  linkedAt: string;
}

export class UniversityService {
  constructor(private readonly deps: { documents: DocumentStore; clock: Clock }) {}

  private key(tenantId: string, userId: string): string {
    return `university:${tenantId.toLowerCase()}:${userId}`;
  }

  async get(tenantId: string, userId: string): Promise<UniversityLink | null> {
    const found = await this.deps.documents.read([this.key(tenantId, userId)]);
    const doc = found.get(this.key(tenantId, userId));
    return doc ? (doc.value as UniversityLink) : null;
  }

  /** The links of these people, in order (null: none), in one read. */
  async getMany(people: readonly { tenantId: string; userId: string }[]): Promise<(UniversityLink | null)[]> {
    const keys = people.map((p) => this.key(p.tenantId, p.userId));
    const found = await this.deps.documents.read(keys);
    return keys.map((k) => (found.get(k)?.value as UniversityLink | undefined) ?? null);
  }

  async link(tenantId: string, userId: string, account: string): Promise<{ kind: 'linked' | 'already'; link: UniversityLink }> {
    const existing = await this.get(tenantId, userId);
    if (existing && existing.account.toLowerCase() === account.toLowerCase()) return { kind: 'already', link: existing };
    const link = { account, linkedAt: this.deps.clock.now().toISOString() };
    await this.deps.documents.write(this.key(tenantId, userId), link, '*');
    return { kind: 'linked', link };
  }

  async remove(tenantId: string, userId: string): Promise<{ kind: 'removed'; link: UniversityLink } | { kind: 'nothing' }> {
    const existing = await this.get(tenantId, userId);
    if (!existing) return { kind: 'nothing' };
    await this.deps.documents.delete([this.key(tenantId, userId)]);
    return { kind: 'removed', link: existing };
  }
}
