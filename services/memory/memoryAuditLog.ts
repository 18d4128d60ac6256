import { AuditEntry, AuditLog } from '../audit/auditLog';
import { AuditRetention } from '../privacy/retentionStores';

export class MemoryAuditLog implements AuditLog, AuditRetention {
  private readonly byOrg = new Map<string, AuditEntry[]>();

  async record(entry: AuditEntry): Promise<void> {
    const list = this.byOrg.get(entry.mpnId) ?? [];
    list.push(structuredClone(entry));
    this.byOrg.set(entry.mpnId, list);
  }

  async latest(mpnId: string, count: number): Promise<AuditEntry[]> {
    const list = this.byOrg.get(mpnId) ?? [];
    return list
      .slice(Math.max(0, list.length - count))
      .reverse()
      .map((e) => structuredClone(e));
  }

  async *stream(mpnId: string): AsyncIterable<AuditEntry> {
    // A snapshot of the length, so entries recorded while downloading do not extend the file forever.
    const list = this.byOrg.get(mpnId) ?? [];
    const end = list.length;
    for (let i = 0; i < end; i++) yield structuredClone(list[i]);
  }

  async rewrite(mpnId: string, rewrite: (entry: AuditEntry) => AuditEntry | null): Promise<number> {
    const list = this.byOrg.get(mpnId) ?? [];
    let changed = 0;
    list.forEach((entry, i) => {
      const next = rewrite(structuredClone(entry));
      if (next) {
        list[i] = structuredClone(next);
        changed++;
      }
    });
    return changed;
  }

  async trimBefore(mpnId: string, before: Date): Promise<number> {
    const list = this.byOrg.get(mpnId) ?? [];
    const kept = list.filter((e) => Date.parse(e.at) >= before.getTime());
    this.byOrg.set(mpnId, kept);
    return list.length - kept.length;
  }
}
