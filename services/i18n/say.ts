/**
 * The one way to read what CertLink says: say(locale, key, values). A text's {name} takes a value
 * as plain text (nothing in it is interpreted); {name, plural, one {…} other {…}} picks its words
 * by the language's plural rules (Intl.PluralRules), with # for the number: "1 day", "2 days".
 */
import { en } from './en';
import { fr } from './fr';
import { Locale } from './locale';

export type TextKey = keyof typeof en;
export type TextValues = Record<string, string | number>;

const catalogues: Record<Locale, Record<TextKey, string>> = { en, fr };
const pluralRules: Record<Locale, Intl.PluralRules> = { en: new Intl.PluralRules('en'), fr: new Intl.PluralRules('fr') };

const PLURAL = /\{(\w+), plural,((?:\s*\w+ \{[^{}]*\})+)\s*\}/g;
const FORM = /(\w+) \{([^{}]*)\}/g;
const VALUE = /\{(\w+)\}/g;

export function say(locale: Locale, key: TextKey, values: TextValues = {}): string {
  return fillIn(catalogues[locale][key], values, locale);
}

function fillIn(template: string, values: TextValues, locale: Locale): string {
  const text = template.includes(', plural,') ? template.replace(PLURAL, (whole, name: string, forms: string) => plural(whole, values[name], forms, locale)) : template;
  return text.replace(VALUE, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function plural(whole: string, value: string | number | undefined, forms: string, locale: Locale): string {
  if (value === undefined) return whole;
  const byCategory = new Map([...forms.matchAll(FORM)].map((m) => [m[1], m[2]]));
  const words = byCategory.get(pluralRules[locale].select(Number(value))) ?? byCategory.get('other') ?? whole;
  return words.replaceAll('#', String(value));
}
