/** The two languages CertLink speaks. Anything that is not French gets English. */
export type Locale = 'en' | 'fr';

export function pickLocale(tag: string | undefined | null): Locale {
  return tag && /^fr(\b|[-_])/i.test(tag.trim()) ? 'fr' : 'en';
}

/** Whether a language tag names one of CertLink's languages (en-*, fr-*); pickLocale falls back to English for any other. */
export function isSpokenLocale(tag: string | undefined | null): boolean {
  return !!tag && /^(en|fr)(\b|[-_])/i.test(tag.trim());
}

// Dates have their own module; formatDate stays importable from here.
export { formatDate } from './dates';
