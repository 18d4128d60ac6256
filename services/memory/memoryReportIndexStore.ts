import { CounterQuery, IndexedMember, ReportCounters, ReportIndexStore, TitleCount } from '../report/reportIndexStore';

export class MemoryReportIndexStore implements ReportIndexStore {
  private readonly byOrg = new Map<string, Map<string, IndexedMember>>();

  async add(mpnId: string, mcid: string, member: IndexedMember): Promise<boolean> {
    const org = this.byOrg.get(mpnId) ?? new Map<string, IndexedMember>();
    this.byOrg.set(mpnId, org);
    if (org.has(mcid)) return false;
    org.set(mcid, structuredClone(member));
    return true;
  }

  async remove(mpnId: string, mcid: string): Promise<boolean> {
    return this.byOrg.get(mpnId)?.delete(mcid) ?? false;
  }

  async counters(mpnId: string, q: CounterQuery): Promise<ReportCounters> {
    const members = [...(this.byOrg.get(mpnId)?.values() ?? [])];
    const byTitle = new Map<string, number>();
    const expiring = new Map<string, number>();
    let expired = 0;
    for (const m of members) {
      for (const c of m.certifications) {
        if (c.expiresAt !== undefined && c.expiresAt < q.heldAt) {
          expired += 1;
          continue;
        }
        byTitle.set(c.title, (byTitle.get(c.title) ?? 0) + 1);
        if (c.expiresAt !== undefined && c.expiresAt >= q.expiringFrom && c.expiresAt <= q.expiringTo) {
          expiring.set(c.title, (expiring.get(c.title) ?? 0) + 1);
        }
      }
    }
    return {
      linked: members.length,
      pendingCredit: members.filter((m) => m.since >= q.pendingSince).length,
      byTitle: toCounts(byTitle),
      expiring: toCounts(expiring),
      expired,
    };
  }

  async clear(mpnId: string): Promise<void> {
    this.byOrg.delete(mpnId);
  }
}

function toCounts(map: Map<string, number>): TitleCount[] {
  return [...map].map(([title, count]) => ({ title, count }));
}
