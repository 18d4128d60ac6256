/**
 * Who may use the admin features of an org (R7): its global admins (from
 * ORGS_FILE) and the partner admins a global admin named. Everything is asked
 * about one Organization, the one the requester's own tenant belongs to, so an
 * admin of one org is nobody in another.
 */
import { AuditLog } from '../audit/auditLog';
import { Clock } from '../clock';
import { Organization } from '../directory/types';
import { PartnerAdminStore } from './partnerAdminStore';

export type AdminRole = 'globalAdmin' | 'partnerAdmin';

/** Why a role change was not made. Carries no data about the org. */
export type RoleRefusal = { kind: 'refused'; reason: 'notGlobalAdmin' };

export type GrantOutcome =
  | { kind: 'granted' }
  | { kind: 'alreadyPartnerAdmin' }
  /** The target is a global admin already: a partner admin role adds nothing. */
  | { kind: 'alreadyGlobalAdmin' }
  | RoleRefusal;

export type RevokeOutcome =
  | { kind: 'revoked' }
  | { kind: 'notPartnerAdmin' }
  /** Global admins come from ORGS_FILE and cannot be removed from chat. */
  | { kind: 'isGlobalAdmin' }
  | RoleRefusal;

export interface AdminList {
  globalAdmins: string[];
  partnerAdmins: string[];
}

export interface RoleServiceDeps {
  partnerAdmins: PartnerAdminStore;
  audit: AuditLog;
  clock: Clock;
}

export class RoleService {
  constructor(private readonly deps: RoleServiceDeps) {}

  isGlobalAdmin(org: Organization, userId: string): boolean {
    return org.globalAdmins.includes(userId);
  }

  async roleOf(org: Organization, userId: string): Promise<AdminRole | null> {
    if (!userId) return null;
    if (this.isGlobalAdmin(org, userId)) return 'globalAdmin';
    return (await this.deps.partnerAdmins.has(org.mpnId, userId)) ? 'partnerAdmin' : null;
  }

  async isAdmin(org: Organization, userId: string): Promise<boolean> {
    return (await this.roleOf(org, userId)) !== null;
  }

  async grantPartnerAdmin(org: Organization, byUserId: string, targetUserId: string): Promise<GrantOutcome> {
    if (!this.isGlobalAdmin(org, byUserId)) return { kind: 'refused', reason: 'notGlobalAdmin' };
    if (this.isGlobalAdmin(org, targetUserId)) return { kind: 'alreadyGlobalAdmin' };
    if (!(await this.deps.partnerAdmins.add(org.mpnId, targetUserId))) return { kind: 'alreadyPartnerAdmin' };
    await this.audit(org, byUserId, targetUserId, 'grantPartnerAdmin');
    return { kind: 'granted' };
  }

  async revokePartnerAdmin(org: Organization, byUserId: string, targetUserId: string): Promise<RevokeOutcome> {
    if (!this.isGlobalAdmin(org, byUserId)) return { kind: 'refused', reason: 'notGlobalAdmin' };
    if (this.isGlobalAdmin(org, targetUserId)) return { kind: 'isGlobalAdmin' };
    if (!(await this.deps.partnerAdmins.remove(org.mpnId, targetUserId))) return { kind: 'notPartnerAdmin' };
    await this.audit(org, byUserId, targetUserId, 'revokePartnerAdmin');
    return { kind: 'revoked' };
  }

  async listAdmins(org: Organization): Promise<AdminList> {
    return { globalAdmins: [...org.globalAdmins].sort(), partnerAdmins: await this.deps.partnerAdmins.list(org.mpnId) };
  }

  private audit(org: Organization, actorUserId: string, targetUserId: string, action: 'grantPartnerAdmin' | 'revokePartnerAdmin'): Promise<void> {
    return this.deps.audit.record({ at: this.deps.clock.now().toISOString(), mpnId: org.mpnId, actorUserId, action, targetUserId });
  }
}
