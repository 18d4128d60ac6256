/**
 * The values a text quotes about the association limits: the configured ones (LIMIT_*), never
 * the defaults, so "3 associations a year, 30 days between them" stays true when an operator
 * sets other numbers, a calendar year or another number of days. The default window (a rolling
 * 365 days) reads as Partner Center's "a year".
 */
import { fill, Locale, Messages } from '../i18n/locale';
import { AssociationLimits } from './types';

/** A type, not an interface: it goes straight into fill()'s values. */
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

type Key = 'perYear' | 'perCalendarYear' | 'perDays' | 'inLastYear' | 'inCalendarYear' | 'inLastDays';

const text: Messages<Key> = {
  en: {
    perYear: 'a year',
    perCalendarYear: 'per calendar year',
    perDays: 'in any {days} days',
    inLastYear: 'in the last year',
    inCalendarYear: 'this calendar year',
    inLastDays: 'in the last {days} days',
  },
  fr: {
    perYear: 'par an',
    perCalendarYear: 'par année civile',
    perDays: 'sur toute période de {days} jours',
    inLastYear: 'de la dernière année',
    inCalendarYear: 'de cette année civile',
    inLastDays: 'des {days} derniers jours',
  },
};

/** A rolling window of this many days reads as "a year". */
const DAYS_READ_AS_A_YEAR = 365;

export function limitWording(limits: AssociationLimits, locale: Locale): LimitWording {
  const counts = { max: limits.maxPerWindow, cooldown: limits.cooldownDays };
  const t = text[locale];
  if (limits.windowKind === 'calendar') return { ...counts, perWindow: t.perCalendarYear, inWindow: t.inCalendarYear };
  if (limits.windowDays === DAYS_READ_AS_A_YEAR) return { ...counts, perWindow: t.perYear, inWindow: t.inLastYear };
  const days = { days: limits.windowDays };
  return { ...counts, perWindow: fill(t.perDays, days), inWindow: fill(t.inLastDays, days) };
}
