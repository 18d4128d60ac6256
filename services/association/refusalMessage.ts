/**
 * R4: the exact refusal message of Partner Center (English page and the French
 * seed), with the next available date, plus a sentence saying which limit blocked.
 */
import { DateStyle, formatDate } from '../i18n/dates';
import { Locale } from '../i18n/locale';
import { say } from '../i18n/say';
import { LimitKind } from './associationRules';
import { AssociationLimits } from './types';
import { limitWording } from './limitWording';

export interface Refusal {
  blockedBy: LimitKind[];
  nextDate: Date;
  usedInWindow: number;
}

/**
 * The R4 sentence with the date in the person's language: word for word with the default 30 days,
 * the configured days otherwise (it must not contradict the reasons said after it), and without the
 * period between associations when none is configured.
 */
export function r4Message(nextDate: Date, limits: AssociationLimits, locale: Locale, dates: DateStyle = locale === 'fr' ? 'fr' : 'en-GB'): string {
  const date = formatDate(nextDate, dates);
  return limits.cooldownDays > 0 ? say(locale, 'refusalR4', { date, cooldown: limits.cooldownDays }) : say(locale, 'refusalR4NoCooldown', { date });
}

/** Which limits blocked, one sentence each. */
export function blockingReasons(refusal: Refusal, limits: AssociationLimits, locale: Locale): string[] {
  return refusal.blockedBy.map((kind) => say(locale, kind === 'cooldown' ? 'refusalCooldown' : 'refusalYearlyLimit', { ...limitWording(limits, locale), used: refusal.usedInWindow }));
}
