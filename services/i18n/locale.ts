/** The two languages CertLink speaks. Anything that is not French gets English. */
export type Locale = 'en' | 'fr';

export function pickLocale(tag: string | undefined | null): Locale {
  return tag && /^fr(\b|[-_])/i.test(tag.trim()) ? 'fr' : 'en';
}

/** Whether a language tag names one of CertLink's languages (en-*, fr-*); pickLocale falls back to English for any other. */
export function isSpokenLocale(tag: string | undefined | null): boolean {
  return !!tag && /^(en|fr)(\b|[-_])/i.test(tag.trim());
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** Formatted days, by locale and UTC day number: every card shows a few dates, mostly the same ones. */
const formattedDays: Record<Locale, Map<number, string>> = { en: new Map(), fr: new Map() };
const MAX_FORMATTED_DAYS = 5_000;
const DAY_MS = 86_400_000;

/** A date as people read it, with the time zone said: the rules count whole UTC days. */
export function formatDate(at: Date | string, locale: Locale): string {
  // An invalid date gives NaN here, is never cached, and throws RangeError in format() as before.
  const day = Math.floor(new Date(at).getTime() / DAY_MS);
  const cache = formattedDays[locale];
  let text = cache.get(day);
  if (text === undefined) {
    text = `${dateFormats[locale].format(new Date(day * DAY_MS))} (UTC)`;
    if (cache.size >= MAX_FORMATTED_DAYS) cache.clear();
    cache.set(day, text);
  }
  return text;
}
