/**
 * The values a text quotes about the association limits: the configured ones (LIMIT_*), never
 * the defaults, so "3 associations a year, 30 days between them" stays true when an operator
 * sets other numbers, a calendar year or another number of days. The default window (a rolling
 * 365 days) reads as Partner Center's "a year".
 */
import { Locale } from '../i18n/locale';
import { say } from '../i18n/say';
import { AssociationLimits } from './types';

/** A type, not an interface: it goes straight into say()'s values. */
export type LimitWording = {
  /** {max}: associations allowed in the window. */
  max: number;
  /** {cooldown}: days between two association starts. */
  cooldown: number;
  /** {perWindow}, after a count: "3 associations {perWindow}" (a year, per calendar year, in any 180 days). */
  perWindow: string;
  /** {inWindow}, the window as a period: "associations {inWindow}" (in the last year, this calendar year, in the last 180 days). */
  inWindow: string;
};

/** A rolling window of this many days reads as "a year". */
const DAYS_READ_AS_A_YEAR = 365;

export function limitWording(limits: AssociationLimits, locale: Locale): LimitWording {
  const counts = { max: limits.maxPerWindow, cooldown: limits.cooldownDays };
  if (limits.windowKind === 'calendar') return { ...counts, perWindow: say(locale, 'limitsPerCalendarYear'), inWindow: say(locale, 'limitsInCalendarYear') };
  if (limits.windowDays === DAYS_READ_AS_A_YEAR) return { ...counts, perWindow: say(locale, 'limitsPerYear'), inWindow: say(locale, 'limitsInLastYear') };
  const days = { days: limits.windowDays };
  return { ...counts, perWindow: say(locale, 'limitsPerDays', days), inWindow: say(locale, 'limitsInLastDays', days) };
}
