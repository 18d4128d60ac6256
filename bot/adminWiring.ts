/**
 * Builds the admin side (issue 3's services) for the composition root: its
 * stores on the same backend as the rest (Redis or embedded), the listeners
 * that keep the audit log and the report counters in step with every link, and
 * AdminActions. Two steps because the listeners must exist before the
 * AssociationService they subscribe to, and AdminActions needs that service.
 */
import { AssociationListener, AssociationService } from '../services/association/associationService';
import { AuditLog } from '../services/audit/auditLog';
import { AuditTrailListener } from '../services/audit/auditTrailListener';
import { AdminActions } from '../services/admin/adminActions';
import { Clock } from '../services/clock';
import { OrgDirectory } from '../services/directory/orgDirectory';
import { MemoryAuditLog } from '../services/memory/memoryAuditLog';
import { MemoryPartnerAdminStore } from '../services/memory/memoryPartnerAdminStore';
import { MemoryReportIndexStore } from '../services/memory/memoryReportIndexStore';
import { RedisAuditLog } from '../services/redis/redisAuditLog';
import { RedisPartnerAdminStore } from '../services/redis/redisPartnerAdminStore';
import { RedisReportIndexStore } from '../services/redis/redisReportIndexStore';
import { ReportIndexListener } from '../services/report/reportIndexListener';
import { ReportIndexStore } from '../services/report/reportIndexStore';
import { ReportService } from '../services/report/reportService';
import { DownloadLinkSigner } from '../services/report/signedLink';
import { PartnerAdminStore } from '../services/roles/partnerAdminStore';
import { RoleService } from '../services/roles/roleService';
import { Stores } from '../services/storeFactory';

export interface AdminServices {
  actions: AdminActions;
  reports: ReportService;
  roles: RoleService;
  audit: AuditLog;
  signer: DownloadLinkSigner;
}

export interface AdminWiring {
  /** Give these to the AssociationService. */
  listeners: AssociationListener[];
  complete(association: AssociationService): AdminServices;
}

export interface AdminWiringDeps {
  stores: Stores;
  keyPrefix: string;
  orgs: OrgDirectory;
  clock: Clock;
  downloadSigningSecret: string;
  publicBaseUrl: string;
}

export function wireAdmin(deps: AdminWiringDeps): AdminWiring {
  const { stores, keyPrefix, orgs, clock } = deps;
  let audit: AuditLog;
  let partnerAdmins: PartnerAdminStore;
  let index: ReportIndexStore;
  if (stores.redis) {
    audit = new RedisAuditLog(stores.redis, { keyPrefix });
    partnerAdmins = new RedisPartnerAdminStore(stores.redis, keyPrefix);
    index = new RedisReportIndexStore(stores.redis, keyPrefix);
  } else {
    audit = new MemoryAuditLog();
    partnerAdmins = new MemoryPartnerAdminStore();
    index = new MemoryReportIndexStore();
  }
  return {
    listeners: [new AuditTrailListener(audit), new ReportIndexListener(index, stores.profiles)],
    complete(association) {
      const reports = new ReportService({
        associations: stores.associations,
        profiles: stores.profiles,
        index,
        partnerName: (mpnId) => orgs.byMpnId(mpnId)?.name ?? null,
      });
      const roles = new RoleService({ partnerAdmins, audit, clock });
      const signer = new DownloadLinkSigner({ secret: deps.downloadSigningSecret, publicBaseUrl: deps.publicBaseUrl, clock });
      const actions = new AdminActions({
        roles,
        reports,
        audit,
        association,
        associations: stores.associations,
        profiles: stores.profiles,
        signer,
        clock,
      });
      return { actions, reports, roles, audit, signer };
    },
  };
}
