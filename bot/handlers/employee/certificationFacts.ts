/**
 * How a profile's certifications read on the link confirmation card: one fact each, the exam or
 * certification number as its label.
 */
import { Fact } from '../../../cards/cardModels';
import { Certification } from '../../../services/directory/types';
import { fill, formatDate, Locale } from '../../../services/i18n/locale';

/** The card shows at most this many; its text already gives the full count. */
export const MAX_CERTIFICATION_FACTS = 8;

const expiredWording: Record<Locale, string> = {
  en: '{title}, expired {date}',
  fr: '{title}, expirée le {date}',
};

/**
 * Partner Center titles an exam "Exam AZ-204: Developing Solutions for Microsoft Azure"; beside
 * the label AZ-204 the number would be read twice. An expired certification says so: the person
 * sees which of their skills are current before they link.
 */
export function certificationFacts(certifications: readonly Certification[], locale: Locale, now: Date): Fact[] {
  return certifications.slice(0, MAX_CERTIFICATION_FACTS).map((c) => {
    const title = withoutRepeatedNumber(c);
    const expired = c.expiresOn !== undefined && Date.parse(c.expiresOn) < now.getTime();
    return { label: c.number, value: expired ? fill(expiredWording[locale], { title, date: formatDate(c.expiresOn as string, locale) }) : title };
  });
}

function withoutRepeatedNumber(c: Certification): string {
  const prefix = new RegExp(`^(exam|examen)\\s+${escapeRegExp(c.number)}\\s*:\\s*`, 'i');
  const rest = c.title.replace(prefix, '');
  return rest === '' ? c.title : rest;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
