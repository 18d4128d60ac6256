/**
 * Renewal reminders and monthly digests on the notices' queue: what the worker does when one
 * comes due (services/renewals), with the cards in the person's language. The bot process and
 * `npm run worker` build it the same way from their services.
 */
import { digestCard, renewalCard } from '../../cards/renewalCards';
import { AssociationService } from '../../services/association/associationService';
import { CurrentLink } from '../../services/association/types';
import { Clock } from '../../services/clock';
import { ProfileStore } from '../../services/directory/profileStore';
import { OrgDirectory } from '../../services/directory/orgDirectory';
import { NoticePreferenceStore } from '../../services/notices/conversationRefStore';
import { NoticeDelivery } from '../../services/notices/delivery';
import { NoticeScheduler } from '../../services/notices/noticeScheduler';
import type { NoticeOutcome } from '../../services/notices/noticeWorker';
import { DueNotice } from '../../services/notices/types';
import { DigestSubscriptions } from '../../services/renewals/digestSubscriptions';
import { handleDueDigest } from '../../services/renewals/monthlyDigest';
import { handleDueRenewal } from '../../services/renewals/renewalNotice';
import { certificationName, RenewalSettings } from '../../services/renewals/renewalRules';
import { ReportPerson } from '../../services/report/reportLines';
import { ReportService } from '../../services/report/reportService';
import { RoleService } from '../../services/roles/roleService';

/** What the renewal jobs read when they come due. */
export interface RenewalSources {
  settings: RenewalSettings;
  clock: Clock;
  linkOf(mcid: string): Promise<CurrentLink | null>;
  profiles: Pick<ProfileStore, 'get'>;
  isAdmin(mpnId: string, userId: string): Promise<boolean>;
  people(mpnId: string): AsyncIterable<ReportPerson[]>;
  orgName(mpnId: string): string;
}

/** The parts of the running notices a renewal job is handled with (startNotices hands them over). */
export interface NoticeParts {
  delivery: NoticeDelivery;
  prefs: NoticePreferenceStore;
  scheduler: NoticeScheduler;
  digests: DigestSubscriptions;
  inFlightRetryMs: number;
}

export type RenewalHandlerFactory = (parts: NoticeParts) => (notice: DueNotice) => Promise<NoticeOutcome>;

export function renewalSources(d: {
  settings: RenewalSettings;
  clock: Clock;
  associations: AssociationService;
  profiles: Pick<ProfileStore, 'get'>;
  roles: RoleService;
  reports: ReportService;
  orgs: OrgDirectory;
}): RenewalSources {
  return {
    settings: d.settings,
    clock: d.clock,
    linkOf: async (mcid) => (await d.associations.status(mcid)).record.link,
    profiles: d.profiles,
    async isAdmin(mpnId, userId) {
      const org = d.orgs.byMpnId(mpnId);
      return org !== null && (await d.roles.roleOf(org, userId)) !== null;
    },
    people: (mpnId) => d.reports.people(mpnId),
    orgName: (mpnId) => d.orgs.nameOf(mpnId),
  };
}

export function renewalHandlers(src: RenewalSources): RenewalHandlerFactory {
  return (parts) => async (notice) => {
    if (notice.renewal) {
      return handleDueRenewal(notice, notice.renewal, {
        ...parts,
        settings: src.settings,
        clock: src.clock,
        linkOf: src.linkOf,
        profileOf: (mcid) => src.profiles.get(mcid),
        card: (ref, c, target, daysLeft) => renewalCard({ locale: ref.locale, title: c.title, name: certificationName(c), expiresOn: target.expiresOn, daysLeft, stage: target.stage }),
      });
    }
    if (notice.digest) {
      return handleDueDigest(notice, notice.digest.mpnId, {
        ...parts,
        subscriptions: parts.digests,
        clock: src.clock,
        isAdmin: src.isAdmin,
        people: src.people,
        card: (ref, mpnId, month, lists) => digestCard({ locale: ref.locale, orgName: src.orgName(mpnId), month, ...lists }),
      });
    }
    return 'stale';
  };
}
