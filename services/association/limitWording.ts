/**
 * The values a text quotes about the association limits: the configured ones (LIMIT_*), never
 * the defaults, so "3 associations a year, 30 days between them" stays true when an operator
 * sets other numbers, a calendar year or a number of days. The default window (a start counts until
 * the same date one year later) reads as Partner Center's "a year".
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
  /** {windowRule}: which window is in force, as a sentence (the status card says it). */
  windowRule: string;
};

export function limitWording(limits: AssociationLimits, locale: Locale): LimitWording {
  const counts = { max: limits.maxPerWindow, cooldown: limits.cooldownDays };
  if (limits.windowKind === 'calendar') return { ...counts, perWindow: say(locale, 'limitsPerCalendarYear'), inWindow: say(locale, 'limitsInCalendarYear'), windowRule: say(locale, 'limitsRuleCalendar') };
  if (limits.windowKind === 'year') return { ...counts, perWindow: say(locale, 'limitsPerYear'), inWindow: say(locale, 'limitsInLastYear'), windowRule: say(locale, 'limitsRuleYear') };
  // A rolling window says its days, 365 too: "a year" is the same-date window, and the two free a slot on different days.
  const days = { days: limits.windowDays };
  return { ...counts, perWindow: say(locale, 'limitsPerDays', days), inWindow: say(locale, 'limitsInLastDays', days), windowRule: say(locale, 'limitsRuleDays', days) };
}
