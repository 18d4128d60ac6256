/**
 * Someone asks in a team channel or group chat for what CertLink answers only in personal chat
 * (their link, their status, their data). Besides saying so there, CertLink writes to them in
 * their personal chat, so the answer is one tap away, when it can reach them: a personal-chat
 * reference is kept once they have chatted with it there. At most once a day per person (the
 * delivery ledger's key holds the day), sent in the background of the channel's turn, and never
 * to someone who said "stop notifications".
 */
import { Clock } from '../../services/clock';
import { Locale } from '../../services/i18n/locale';
import { utcDay } from '../../services/notices/types';
import type { Notices } from './startNotices';
import { onceKey } from '../../services/kv/onceKey';

/** True when the person can be reached in their personal chat, and the message is on its way. */
export type PersonalNudge = (tenantId: string, userId: string) => Promise<boolean>;

export function personalNudge(notices: Pick<Notices, 'refs' | 'delivery' | 'prefs'>, clock: Clock, card: (locale: Locale) => object, onFailure: (err: unknown) => void): PersonalNudge {
  return async (tenantId, userId) => {
    const [ref, enabled] = await Promise.all([notices.refs.get(tenantId, userId), notices.prefs.noticesEnabled(tenantId, userId)]);
    if (!ref || !enabled) return false;
    const key = onceKey('personalNudge', tenantId, userId, utcDay(clock.now()));
    // Not awaited: the channel's answer does not wait for Teams' pacing and retries.
    notices.delivery.deliver({ key, tenantId, userId, card: (to) => card(to.locale) }).catch(onFailure);
    return true;
  };
}
