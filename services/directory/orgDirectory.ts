import { Organization } from './types';

/** Which organization a Teams tenant belongs to. Loaded once from ORGS_FILE. */
export class OrgDirectory {
  private readonly byTenantId = new Map<string, Organization>();
  private readonly byMpn = new Map<string, Organization>();

  constructor(orgs: Organization[]) {
    for (const org of orgs) {
      if (this.byMpn.has(org.mpnId)) throw new Error(`Organization ${org.mpnId} is listed twice`);
      this.byMpn.set(org.mpnId, org);
      for (const tenantId of org.tenantIds) {
        const key = tenantId.toLowerCase();
        const other = this.byTenantId.get(key);
        if (other) throw new Error(`Tenant ${tenantId} belongs to both ${other.mpnId} and ${org.mpnId}`);
        this.byTenantId.set(key, org);
      }
    }
  }

  forTenant(tenantId: string | null | undefined): Organization | null {
    if (!tenantId) return null;
    return this.byTenantId.get(tenantId.toLowerCase()) ?? null;
  }

  byMpnId(mpnId: string): Organization | null {
    return this.byMpn.get(mpnId) ?? null;
  }

  /** The organization's name for a reply; its MPN id when it is no longer configured. */
  nameOf(mpnId: string): string {
    return this.byMpn.get(mpnId)?.name ?? mpnId;
  }

  all(): Organization[] {
    return [...this.byMpn.values()];
  }
}
