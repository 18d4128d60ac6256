/**
 * The one way CertLink writes a date, in the bot's cards, the tabs and the report: a whole UTC day
 * (the rules count whole UTC days), as a person of that language writes it, with the time zone
 * said. French: « 1er mars 2027 (UTC) », « 4 février 2027 (UTC) »; English follows the Teams
 * client's region: en-US "February 4, 2027 (UTC)", en-GB (and the other day-first regions)
 * "4 February 2027 (UTC)". The sentences around a date bring « le » and the full stop.
 */
import type { Locale } from './locale';

/** How dates are written: French, or English month-first (en-US) or day-first (en-GB). */
export type DateStyle = 'fr' | 'en-US' | 'en-GB';

const OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };

const formats: Record<DateStyle, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', OPTIONS),
  'en-US': new Intl.DateTimeFormat('en-US', OPTIONS),
  'en-GB': new Intl.DateTimeFormat('en-GB', OPTIONS),
};

/** Whether English in this region puts the month first, as Intl (CLDR) writes it: en-US, en-PH… */
function monthFirst(tag: string): boolean {
  try {
    const parts = new Intl.DateTimeFormat(tag, OPTIONS).formatToParts(new Date(0));
    return parts.findIndex((p) => p.type === 'month') < parts.findIndex((p) => p.type === 'day');
  } catch {
    return false;
  }
}

const styleOfTag = new Map<string, DateStyle>();
const MAX_TAGS = 200;

/**
 * The style for a Teams locale tag and the language CertLink answers in. English without a
 * region (or an invalid tag) is written day first, as Partner Center's English page writes it.
 */
export function dateStyleOf(tag: string | null | undefined, locale: Locale): DateStyle {
  if (locale === 'fr') return 'fr';
  const key = (tag ?? '').trim().replace('_', '-').toLowerCase();
  if (!/^en-[a-z0-9]{2,8}/.test(key)) return 'en-GB';
  let style = styleOfTag.get(key);
  if (style === undefined) {
    style = monthFirst(key) ? 'en-US' : 'en-GB';
    if (styleOfTag.size >= MAX_TAGS) styleOfTag.clear();
    styleOfTag.set(key, style);
  }
  return style;
}

function styleOf(style: DateStyle | Locale): DateStyle {
  return style === 'en' ? 'en-GB' : style;
}

/** Formatted days, by style and UTC day number: every card shows a few dates, mostly the same ones. */
const formattedDays = new Map<string, string>();
const MAX_FORMATTED_DAYS = 10_000;
const DAY_MS = 86_400_000;

function write(day: Date, style: DateStyle): string {
  const parts = formats[style].formatToParts(day);
  // French writes the first day of a month « 1er »: « le 1er mars 2028 ».
  return parts.map((p) => (style === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

/** A date as people read it, with the time zone said. `style`: a DateStyle, or a language ('en' is day first). */
export function formatDate(at: Date | string, style: DateStyle | Locale): string {
  // An invalid date gives NaN here, is never cached, and throws RangeError in format().
  const day = Math.floor(new Date(at).getTime() / DAY_MS);
  const s = styleOf(style);
  const key = `${s}:${day}`;
  let text = formattedDays.get(key);
  if (text === undefined) {
    text = `${write(new Date(day * DAY_MS), s)} (UTC)`;
    if (formattedDays.size >= MAX_FORMATTED_DAYS) formattedDays.clear();
    formattedDays.set(key, text);
  }
  return text;
}
