/**
 * The privacy side's views of the backend's stores, and the checks that they can erase, expire
 * and rewrite (every backend's can).
 */
import { AssociationStore } from '../association/associationStore';
import { AuditLog } from '../audit/auditLog';
import { ProfileStore } from '../directory/profileStore';
import { Stores } from '../storeFactory';
import { PseudonymizedStartStore } from './pseudonymizedStarts';
import { AuditRetention, isAuditRetention, isProfileRetention, isRecordRetention, ProfileRetention, RecordRetention } from './retentionStores';

export interface PrivacyStores {
  erasedStarts: PseudonymizedStartStore;
  records: AssociationStore & RecordRetention;
  profiles: ProfileStore & ProfileRetention;
  audit: AuditLog & AuditRetention;
}

export function privacyStores(stores: Pick<Stores, 'associations' | 'profiles' | 'audit' | 'erasedStarts'>): PrivacyStores {
  const { associations: records, profiles, audit } = stores;
  if (!isRecordRetention(records)) throw new Error('The association store cannot erase records (RecordRetention)');
  if (!isProfileRetention(profiles)) throw new Error('The profile store cannot erase profiles (ProfileRetention)');
  if (!isAuditRetention(audit)) throw new Error('The audit log cannot be pseudonymized or trimmed (AuditRetention)');
  return { erasedStarts: stores.erasedStarts, records, profiles, audit };
}
