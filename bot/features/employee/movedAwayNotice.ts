/**
 * When an MCID moves away from an account, that account is told in its personal chat, in its
 * language: a switch to another organization (made from another account, e.g. the same person's at
 * their new company), or a takeover in the same organization by an account that signed in with the
 * MCID's Microsoft Learning account. So nobody loses their link without knowing. Told after the
 * write (an association listener), in the background: the link's own answer does not wait for
 * Teams' pacing.
 */
import type { AssociationListener, RecordChange } from '../../../services/association/associationService';
import type { OrgDirectory } from '../../../services/directory/orgDirectory';
import type { Locale } from '../../../services/i18n/locale';
import { say } from '../../../services/i18n/say';
import { nobodyReachable, PersonNotifier } from '../../proactive/personNotifier';

export class MovedAwayNotices implements AssociationListener {
  private notifier: PersonNotifier = nobodyReachable;

  constructor(
    private readonly orgs: Pick<OrgDirectory, 'nameOf'>,
    private readonly onFailure: (err: unknown) => void,
  ) {}

  /** Where the notices go: set once the notices run (the associations are made before them). */
  deliverThrough(notifier: PersonNotifier): void {
    this.notifier = notifier;
  }

  async onRecordChanged({ prev, next }: RecordChange): Promise<void> {
    const before = prev.link;
    const after = next.link;
    if (!before || !after || (before.userId === after.userId && before.tenantId === after.tenantId)) return;
    const mcid = next.mcid;
    const text =
      before.mpnId === after.mpnId
        ? (locale: Locale) => say(locale, 'movedAwayTakenOver', { mcid, org: this.orgs.nameOf(before.mpnId) })
        : (locale: Locale) => say(locale, 'movedAwaySwitched', { mcid, from: this.orgs.nameOf(before.mpnId), to: this.orgs.nameOf(after.mpnId) });
    this.notifier.notify(before.tenantId, before.userId, text).catch(this.onFailure);
  }
}
