/**
 * When an admin removes a departed person from the report, CertLink no longer
 * needs their profile: it is erased after the start retention period
 * (window + 30 days by default), together with their per-MCID record, unless
 * they link again before. The expiry is a TTL on the keys; linking again
 * writes the record (which clears its TTL) and this listener persists the profile.
 *
 * When the person ends their own link, the profile stays (they may link again
 * with the email shortcut), but the record, which then only serves the abuse
 * limits, expires after the same period: by then no limit counts its starts.
 */
import { AssociationListener, RecordChange } from '../association/associationService';
import { addDays } from '../clock';
import { RetentionPolicy } from './retention';
import { ProfileRetention, RecordRetention } from './retentionStores';

export class RemovalRetentionListener implements AssociationListener {
  constructor(private readonly deps: { profiles: ProfileRetention; records: RecordRetention; policy: RetentionPolicy }) {}

  async onRecordChanged({ prev, next, at }: RecordChange): Promise<void> {
    const removedByAdmin = prev.link && !next.link && next.ended[next.ended.length - 1]?.reason === 'removedByAdmin';
    if (removedByAdmin) {
      const until = addDays(at, this.deps.policy.startRetentionDays);
      await this.deps.profiles.expireProfileAt(next.mcid, until);
      await this.deps.records.expireRecordAt(next.mcid, until);
    } else if (prev.link && !next.link) {
      await this.deps.records.expireRecordAt(next.mcid, addDays(at, this.deps.policy.startRetentionDays));
    } else if (next.link && !prev.link && prev.ended[prev.ended.length - 1]?.reason === 'removedByAdmin') {
      // Only an admin's removal put an expiry on the profile: any other first link has nothing to take off
      // (and skips a profile read and a write per email on every link).
      await this.deps.profiles.persistProfile(next.mcid);
    }
  }
}
