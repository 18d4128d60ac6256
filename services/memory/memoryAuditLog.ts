import { AuditEntry, AuditLog } from '../audit/auditLog';

export class MemoryAuditLog implements AuditLog {
  private readonly byOrg = new Map<string, AuditEntry[]>();

  async record(entry: AuditEntry): Promise<void> {
    const list = this.byOrg.get(entry.mpnId) ?? [];
    list.push(structuredClone(entry));
    this.byOrg.set(entry.mpnId, list);
  }

  async latest(mpnId: string, count: number): Promise<AuditEntry[]> {
    const list = this.byOrg.get(mpnId) ?? [];
    return list.slice(Math.max(0, list.length - count)).reverse().map((e) => structuredClone(e));
  }

  async *stream(mpnId: string): AsyncIterable<AuditEntry> {
    // A snapshot of the length, so entries recorded while downloading do not extend the file forever.
    const list = this.byOrg.get(mpnId) ?? [];
    const end = list.length;
    for (let i = 0; i < end; i++) yield structuredClone(list[i]);
  }
}
