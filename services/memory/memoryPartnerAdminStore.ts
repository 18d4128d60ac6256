import { PartnerAdminStore } from '../roles/partnerAdminStore';

export class MemoryPartnerAdminStore implements PartnerAdminStore {
  private readonly byOrg = new Map<string, Set<string>>();

  async add(mpnId: string, userId: string): Promise<boolean> {
    const set = this.byOrg.get(mpnId) ?? new Set<string>();
    this.byOrg.set(mpnId, set);
    if (set.has(userId)) return false;
    set.add(userId);
    return true;
  }

  async remove(mpnId: string, userId: string): Promise<boolean> {
    return this.byOrg.get(mpnId)?.delete(userId) ?? false;
  }

  async has(mpnId: string, userId: string): Promise<boolean> {
    return this.byOrg.get(mpnId)?.has(userId) ?? false;
  }

  async list(mpnId: string): Promise<string[]> {
    return [...(this.byOrg.get(mpnId) ?? [])].sort();
  }
}
