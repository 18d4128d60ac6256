/**
 * Renewals in chat: "my renewals" lists the person's certifications inside their renewal window
 * (the reminders themselves come through the notices' queue, services/renewals); an admin
 * subscribes to or leaves their organization's monthly digest, sent to their personal chat.
 */
import { myRenewalsCard } from '../../../cards/renewalCards';
import { AdminActions } from '../../../services/admin/adminActions';
import { Clock } from '../../../services/clock';
import { say } from '../../../services/i18n/say';
import { digestRequest, monthStart } from '../../../services/renewals/monthlyDigest';
import { dueRenewals, RenewalSettings } from '../../../services/renewals/renewalRules';
import { adminRefusalCard } from '../../../cards/adminCards';
import type { Notices } from '../../proactive/startNotices';
import { Feature, MessageHandler } from '../feature';
import { RenewalIntent } from './intents';

export interface RenewalFeatureDeps {
  notices: Pick<Notices, 'prefs' | 'scheduler' | 'digests'>;
  admin: Pick<AdminActions, 'authorize'>;
  settings: RenewalSettings;
  clock: Clock;
}

export function renewalsFeature(deps: RenewalFeatureDeps): Feature<RenewalIntent> {
  const { notices, admin, settings, clock } = deps;

  const mine: MessageHandler = async (hc) => {
    const tenantId = hc.info.tenantId ?? '';
    const record = await hc.reads.mine();
    if (!record?.link) return { text: say(hc.locale, 'myRenewalsNotLinked') };
    const [profile, noticesOn] = await Promise.all([hc.reads.profile(record.mcid), notices.prefs.noticesEnabled(tenantId, hc.info.userId)]);
    return { card: myRenewalsCard({ locale: hc.locale, dates: hc.dates, due: dueRenewals(profile, clock.now(), settings), windowDays: settings.windowDays, lastCallDays: settings.lastCallDays, noticesOn }) };
  };

  const digest =
    (on: boolean): MessageHandler =>
    async (hc) => {
      const tenantId = hc.info.tenantId ?? '';
      const userId = hc.info.userId;
      if (on) {
        const auth = await admin.authorize(hc.org, userId);
        if (auth.kind === 'refused') return { card: adminRefusalCard({ locale: hc.locale }) };
        await notices.digests.subscribe(tenantId, userId, hc.org.mpnId);
        // The first digest on the first day of next month; the same job if already queued.
        await notices.scheduler.schedule(digestRequest(tenantId, userId, hc.org.mpnId, monthStart(clock.now(), 1)));
        return { text: say(hc.locale, 'digestSubscribed', { org: hc.org.name }) };
      }
      await notices.digests.unsubscribe(tenantId, userId, hc.org.mpnId);
      await notices.scheduler.cancel(digestRequest(tenantId, userId, hc.org.mpnId, monthStart(clock.now(), 1)));
      return { text: say(hc.locale, 'digestUnsubscribed', { org: hc.org.name }) };
    };

  return {
    intents: {
      // One person's own certifications: personal chat only, read ahead like "my certifications".
      'renewals.mine': { handle: mine, personalOnly: 'nudge', readAhead: ['mine'] },
      // The digest names people: it goes to the admin's personal chat, so it is asked for there.
      'renewals.subscribeDigest': { handle: digest(true), personalOnly: 'nudge', rateLimit: 'admin', audience: 'confirmedMember' },
      // Leaving is one's own setting, whatever one's role now.
      'renewals.unsubscribeDigest': { handle: digest(false), personalOnly: 'nudge', audience: 'everyone' },
    },
    verbs: {},
  };
}
