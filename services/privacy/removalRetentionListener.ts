/**
 * When an admin removes a departed person from the report, CertLink no longer
 * needs their profile: it is erased after the start retention period
 * (window + 30 days by default), together with their per-MCID record, unless
 * they link again before. The expiry is a TTL on the keys; linking again
 * writes the record (which clears its TTL) and this listener persists the profile.
 */
import { AssociationListener, RecordChange } from '../association/associationService';
import { addDays } from '../clock';
import { RetentionPolicy } from './retention';
import { ProfileRetention, RecordRetention } from './retentionStores';

export class RemovalRetentionListener implements AssociationListener {
  constructor(
    private readonly deps: { profiles: ProfileRetention; records: RecordRetention; policy: RetentionPolicy },
  ) {}

  async onRecordChanged({ prev, next, at }: RecordChange): Promise<void> {
    const removedByAdmin = prev.link && !next.link && next.ended[next.ended.length - 1]?.reason === 'removedByAdmin';
    if (removedByAdmin) {
      const until = addDays(at, this.deps.policy.startRetentionDays);
      await this.deps.profiles.expireProfileAt(next.mcid, until);
      await this.deps.records.expireRecordAt(next.mcid, until);
    } else if (next.link && !prev.link) {
      await this.deps.profiles.persistProfile(next.mcid);
    }
  }
}
