/**
 * Keeps the report counters in step with links: a person entering an org is
 * counted there with the certifications of their profile at that moment, and
 * uncounted when they leave (switch or removal). A takeover in the same org
 * changes nothing the card shows.
 */
import { AssociationListener, RecordChange } from '../association/associationService';
import { CurrentLink } from '../association/types';
import { CertificationProfile } from '../directory/types';
import { ProfileStore } from '../directory/profileStore';
import { IndexedMember, ReportIndexStore } from './reportIndexStore';

export function indexedMember(link: CurrentLink, profile: CertificationProfile | null): IndexedMember {
  return {
    since: Date.parse(link.since),
    certifications: (profile?.certifications ?? []).map((c) => {
      const expiresAt = c.expiresOn ? Date.parse(c.expiresOn) : NaN;
      return Number.isFinite(expiresAt) ? { title: c.title, expiresAt } : { title: c.title };
    }),
  };
}

export class ReportIndexListener implements AssociationListener {
  constructor(
    private readonly index: ReportIndexStore,
    private readonly profiles: ProfileStore,
  ) {}

  async onRecordChanged({ prev, next, profile }: RecordChange): Promise<void> {
    const before = prev.link;
    const after = next.link;
    if (before && before.mpnId !== after?.mpnId) await this.index.remove(before.mpnId, prev.mcid);
    if (after && after.mpnId !== before?.mpnId) {
      // The link's caller may have read the profile already (the Confirm click reads it beside the record).
      const known = profile === undefined ? await this.profiles.get(next.mcid) : profile;
      await this.index.add(after.mpnId, next.mcid, indexedMember(after, known));
    }
  }
}
