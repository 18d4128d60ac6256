/**
 * Tells one person something in their own personal chat, in their language, when CertLink can
 * reach them there (it keeps a reference once they have chatted with it): an admin removed their
 * link, or their MCID moved away from their account. Sent through the notices' paced, once-only
 * delivery; false when the person cannot be reached.
 */
import { statementCard } from '../../cards/cardModels';
import { Clock } from '../../services/clock';
import { Locale } from '../../services/i18n/locale';
import { onceKey } from '../../services/kv/onceKey';
import type { Notices } from './startNotices';

export interface PersonNotifier {
  notify(tenantId: string, userId: string, text: (locale: Locale) => string): Promise<boolean>;
}

export const nobodyReachable: PersonNotifier = { notify: async () => false };

/** `purpose` names the kind of message in its once-only delivery key (e.g. removedByAdmin). */
export function noticeNotifier(notices: Pick<Notices, 'delivery'>, clock: Clock, purpose: string): PersonNotifier {
  return {
    async notify(tenantId, userId, text) {
      const outcome = await notices.delivery.deliver({
        key: onceKey(purpose, tenantId, userId, clock.now().toISOString()),
        tenantId,
        userId,
        card: (ref) => statementCard({ title: '', lines: [text(ref.locale)] }),
      });
      return outcome === 'sent';
    },
  };
}
