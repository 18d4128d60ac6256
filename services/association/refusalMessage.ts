/**
 * R4: the exact refusal message of Partner Center (English page and the French
 * seed), with the next available date, plus a sentence saying which limit blocked.
 */
import { formatDate, Locale } from '../i18n/locale';
import { say } from '../i18n/say';
import { LimitKind } from './associationRules';
import { AssociationLimits } from './types';
import { limitWording } from './limitWording';

export interface Refusal {
  blockedBy: LimitKind[];
  nextDate: Date;
  usedInWindow: number;
}

/** The R4 sentence, word for word, with the date in the person's language. */
export function r4Message(nextDate: Date, locale: Locale): string {
  return say(locale, 'refusalR4', { date: formatDate(nextDate, locale) });
}

/** Which limits blocked, one sentence each. */
export function blockingReasons(refusal: Refusal, limits: AssociationLimits, locale: Locale): string[] {
  return refusal.blockedBy.map((kind) => say(locale, kind === 'cooldown' ? 'refusalCooldown' : 'refusalYearlyLimit', { ...limitWording(limits, locale), used: refusal.usedInWindow }));
}
