/** The two languages CertLink speaks. Anything that is not French gets English. */
export type Locale = 'en' | 'fr';

export function pickLocale(tag: string | undefined | null): Locale {
  return tag && /^fr(\b|[-_])/i.test(tag.trim()) ? 'fr' : 'en';
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A date as people read it, with the time zone said: the rules count whole UTC days. */
export function formatDate(at: Date | string, locale: Locale): string {
  return `${dateFormats[locale].format(new Date(at))} (UTC)`;
}

/** Strings keyed the same in both languages; the type makes a missing French string a compile error. */
export type Messages<K extends string> = Record<Locale, Record<K, string>>;

/** Fills {name} placeholders. Values are plain text; nothing in them is interpreted. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
