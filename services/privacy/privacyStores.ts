/**
 * The privacy side's stores on the same backend as the rest, and the checks
 * that the core stores can erase, expire and rewrite (both adapters can).
 */
import { AuditLog } from '../audit/auditLog';
import { Clock } from '../clock';
import { MemoryPseudonymizedStartStore } from '../memory/memoryPseudonymizedStartStore';
import { RedisPseudonymizedStartStore } from '../redis/redisPseudonymizedStartStore';
import { Stores } from '../storeFactory';
import { PseudonymizedStartStore } from './pseudonymizedStarts';
import { AuditRetention, isAuditRetention, isProfileRetention, isRecordRetention, ProfileRetention, RecordRetention } from './retentionStores';
import { AssociationStore } from '../association/associationStore';
import { ProfileStore } from '../directory/profileStore';

export interface PrivacyStores {
  erasedStarts: PseudonymizedStartStore;
  records: AssociationStore & RecordRetention;
  profiles: ProfileStore & ProfileRetention;
  audit: AuditLog & AuditRetention;
}

export function createPrivacyStores(stores: Stores, audit: AuditLog, keyPrefix: string, clock: Clock): PrivacyStores {
  const records = stores.associations;
  const profiles = stores.profiles;
  if (!isRecordRetention(records)) throw new Error('The association store cannot erase records (RecordRetention)');
  if (!isProfileRetention(profiles)) throw new Error('The profile store cannot erase profiles (ProfileRetention)');
  if (!isAuditRetention(audit)) throw new Error('The audit log cannot be pseudonymized or trimmed (AuditRetention)');
  return {
    erasedStarts: stores.redis ? new RedisPseudonymizedStartStore(stores.redis, keyPrefix) : new MemoryPseudonymizedStartStore(clock),
    records,
    profiles,
    audit,
  };
}
