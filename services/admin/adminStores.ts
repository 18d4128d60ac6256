/**
 * The admin side's stores on the same backend as the rest (Redis when the core
 * stores are on Redis, memory otherwise), so a deployment never splits its data.
 */
import { AuditLog } from '../audit/auditLog';
import { MemoryAuditLog } from '../memory/memoryAuditLog';
import { MemoryPartnerAdminStore } from '../memory/memoryPartnerAdminStore';
import { MemoryReportIndexStore } from '../memory/memoryReportIndexStore';
import { RedisAuditLog } from '../redis/redisAuditLog';
import { RedisPartnerAdminStore } from '../redis/redisPartnerAdminStore';
import { RedisReportIndexStore } from '../redis/redisReportIndexStore';
import { ReportIndexStore } from '../report/reportIndexStore';
import { PartnerAdminStore } from '../roles/partnerAdminStore';
import { Stores } from '../storeFactory';

export interface AdminStores {
  audit: AuditLog;
  reportIndex: ReportIndexStore;
  partnerAdmins: PartnerAdminStore;
}

export function createAdminStores(stores: Stores, keyPrefix: string): AdminStores {
  if (stores.redis) {
    return {
      audit: new RedisAuditLog(stores.redis, { keyPrefix }),
      reportIndex: new RedisReportIndexStore(stores.redis, keyPrefix),
      partnerAdmins: new RedisPartnerAdminStore(stores.redis, keyPrefix),
    };
  }
  return { audit: new MemoryAuditLog(), reportIndex: new MemoryReportIndexStore(), partnerAdmins: new MemoryPartnerAdminStore() };
}
