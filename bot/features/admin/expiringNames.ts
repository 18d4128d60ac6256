/**
 * The names behind the skills report card's "expiring in the next 90 days". On the card in the
 * admin's personal chat; asked for in a channel or group chat, the card there keeps the counts and
 * the names go to the admin's personal chat, as the downloads do (downloadDelivery.ts): names are
 * never posted where others read.
 */
import { expiringPeopleCard } from '../../../cards/renewalCards';
import { addDays } from '../../../services/clock';
import type { Organization } from '../../../services/directory/types';
import { onceKey } from '../../../services/kv/onceKey';
import { expiringBetween, NamedExpiry } from '../../../services/renewals/expiringPeople';
import type { ReportService } from '../../../services/report/reportService';
import { EXPIRING_WITHIN_DAYS } from '../../../services/report/reportService';
import type { Notices } from '../../proactive/startNotices';

export interface ExpiringNames {
  /** The org's people with a certification expiring within EXPIRING_WITHIN_DAYS of `at`, soonest first. */
  list(org: Organization, at: Date): Promise<NamedExpiry[]>;
  /** Sends them to the admin's personal chat; true when CertLink can reach them there and they are on their way. */
  send(request: { tenantId: string; userId: string; org: Organization; at: Date; requestId: string }): Promise<boolean>;
}

export function expiringNames(reports: Pick<ReportService, 'people'>, notices: Pick<Notices, 'refs' | 'delivery'>, onFailure: (err: unknown) => void): ExpiringNames {
  const list = (org: Organization, at: Date) => expiringBetween(reports.people(org.mpnId), at, addDays(at, EXPIRING_WITHIN_DAYS));
  return {
    list,
    async send({ tenantId, userId, org, at, requestId }) {
      if (!(await notices.refs.get(tenantId, userId))) return false;
      const key = onceKey('expiringNames', tenantId, userId, requestId);
      // Not awaited: the channel's answer does not wait for the org's read and Teams' pacing.
      void list(org, at)
        .then((people) => notices.delivery.deliver({ key, tenantId, userId, card: (to) => expiringPeopleCard({ orgName: org.name, days: EXPIRING_WITHIN_DAYS, people, locale: to.locale }) }))
        .catch(onFailure);
      return true;
    },
  };
}
