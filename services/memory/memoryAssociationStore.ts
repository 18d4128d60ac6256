import { AssociationStore } from '../association/associationStore';
import { indexDelta } from '../association/derivedIndexes';
import { McidRecord } from '../association/types';
import { Clock, systemClock } from '../clock';
import { RecordRetention } from '../privacy/retentionStores';

/** The embedded store: same contract as Redis, nothing survives a restart. */
export class MemoryAssociationStore implements AssociationStore, RecordRetention {
  private readonly records = new Map<string, string>();
  private readonly orgs = new Map<string, Set<string>>();
  private readonly people = new Map<string, string>();
  /** Records that disappear at a time (epoch ms), as a Redis key with a TTL would. */
  private readonly expiries = new Map<string, number>();

  constructor(private readonly clock: Clock = systemClock) {}

  private expire(mcid: string): void {
    const at = this.expiries.get(mcid);
    if (at !== undefined && at <= this.clock.now().getTime()) {
      this.records.delete(mcid);
      this.expiries.delete(mcid);
    }
  }

  async getRecord(mcid: string): Promise<McidRecord | null> {
    this.expire(mcid);
    const json = this.records.get(mcid);
    return json ? (JSON.parse(json) as McidRecord) : null;
  }

  async getRecords(mcids: string[]): Promise<(McidRecord | null)[]> {
    return Promise.all(mcids.map((m) => this.getRecord(m)));
  }

  async saveRecord(prev: McidRecord, next: McidRecord, onWritten?: () => Promise<void>): Promise<boolean> {
    this.expire(prev.mcid);
    const stored = this.records.get(prev.mcid);
    const storedVersion = stored ? (JSON.parse(stored) as McidRecord).version : 0;
    if (storedVersion !== prev.version) return false;
    this.records.set(next.mcid, JSON.stringify(next));
    this.expiries.delete(next.mcid);
    this.applyIndexes(prev, next);
    await onWritten?.().catch(() => undefined);
    return true;
  }

  async deleteRecord(prev: McidRecord): Promise<boolean> {
    this.expire(prev.mcid);
    const stored = this.records.get(prev.mcid);
    const storedVersion = stored ? (JSON.parse(stored) as McidRecord).version : 0;
    if (storedVersion !== prev.version) return false;
    this.records.delete(prev.mcid);
    this.expiries.delete(prev.mcid);
    this.applyIndexes(prev, { ...prev, link: null });
    return true;
  }

  async expireRecordAt(mcid: string, at: Date): Promise<void> {
    if (this.records.has(mcid)) this.expiries.set(mcid, at.getTime());
  }

  private applyIndexes(prev: McidRecord, next: McidRecord): void {
    const delta = indexDelta(prev, next);
    if (delta.orgRemove) this.orgs.get(delta.orgRemove.mpnId)?.delete(delta.orgRemove.mcid);
    if (delta.orgAdd) {
      const set = this.orgs.get(delta.orgAdd.mpnId) ?? new Set<string>();
      set.add(delta.orgAdd.mcid);
      this.orgs.set(delta.orgAdd.mpnId, set);
    }
    if (delta.personClear) {
      const key = personKey(delta.personClear.tenantId, delta.personClear.userId);
      if (this.people.get(key) === prev.mcid) this.people.delete(key);
    }
    if (delta.personSet) this.people.set(personKey(delta.personSet.tenantId, delta.personSet.userId), delta.personSet.mcid);
  }

  async mcidForPerson(tenantId: string, userId: string): Promise<string | null> {
    return this.people.get(personKey(tenantId, userId)) ?? null;
  }

  async *scanOrgMembers(mpnId: string, batchSize = 500): AsyncIterable<string[]> {
    const all = [...(this.orgs.get(mpnId) ?? [])];
    for (let i = 0; i < all.length; i += batchSize) yield all.slice(i, i + batchSize);
  }

  async countOrgMembers(mpnId: string): Promise<number> {
    return this.orgs.get(mpnId)?.size ?? 0;
  }
}

function personKey(tenantId: string, userId: string): string {
  return `${tenantId.toLowerCase()}|${userId}`;
}
