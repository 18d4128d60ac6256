/**
 * What people say for renewals and the monthly digest, in English and French. Patterns run on
 * normalizeText() output (no accents, lower case); ../priority.ts puts them before "stop
 * notifications", whose "unsubscribe" / "se désabonner" would otherwise take "unsubscribe from
 * the monthly digest".
 */
import type { IntentPattern } from '../../intents/intentPattern';

export type RenewalIntent = 'renewals.mine' | 'renewals.subscribeDigest' | 'renewals.unsubscribeDigest';

export const renewalPhrases = {
  unsubscribeDigest: {
    intent: 'renewals.unsubscribeDigest',
    en: [/\b(unsubscribe|stop|cancel|turn off|no more)\b.*\bdigests?\b/],
    fr: [/\b(desabonn\w*|arret\w*|stop|annul\w*|desactiv\w*|plus de)\b.*\b(resume|recapitulatif|digest)s?\b/],
  },
  subscribeDigest: {
    intent: 'renewals.subscribeDigest',
    en: [/\b(subscribe|sign me up|send me|turn on|start)\b.*\bdigests?\b/],
    fr: [/\b(abonn\w*|inscri\w*|envoy\w*|activ\w*)\b.*\b(resume|recapitulatif|digest)s?\b/],
  },
  mine: {
    intent: 'renewals.mine',
    en: [/\bmy renewals?\b/, /\b(what|which|when)\b.*\b(do i|should i|must i|to) renew\b/, /\brenewals? due\b/],
    fr: [/\bmes renouvellements?\b/, /\b(quoi|que|quand|quelles?)\b.*\brenouvel\w*\b/, /\brenouvellements? (a venir|dus?)\b/],
  },
} satisfies Record<string, IntentPattern<RenewalIntent>>;
