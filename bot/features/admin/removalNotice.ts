import { statementCard } from '../../../cards/cardModels';
import { Clock } from '../../../services/clock';
import type { Notices } from '../../proactive/startNotices';
import type { PersonNotifier } from './index';

/** Tells a person removed by an admin in their own chat, through the notices' paced, once-only delivery. */
export function noticeNotifier(notices: Pick<Notices, 'delivery'>, clock: Clock): PersonNotifier {
  return {
    async notify(tenantId, userId, text) {
      const outcome = await notices.delivery.deliver({
        key: `removedByAdmin:${tenantId}:${userId}:${clock.now().toISOString()}`,
        tenantId,
        userId,
        card: (ref) => statementCard({ title: '', lines: [text(ref.locale)] }),
      });
      return outcome === 'sent';
    },
  };
}
