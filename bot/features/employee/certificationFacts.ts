/**
 * How a profile's certifications read on a card: one fact each, the exam or certification number
 * as its label. The link confirmation card shows what will count; "my certifications" shows the
 * whole profile with its dates.
 */
import { Fact } from '../../../cards/cardModels';
import { Certification } from '../../../services/directory/types';
import { isExpired, titleBesideNumber } from '../../../services/directory/certifications';
import { DateStyle } from '../../../services/i18n/dates';
import { formatDate, Locale } from '../../../services/i18n/locale';
import { say } from '../../../services/i18n/say';

/** The confirmation card shows at most this many; its text already gives the full count. */
export const MAX_CERTIFICATION_FACTS = 8;

export interface CertificationFactOptions {
  /** How many to show (default MAX_CERTIFICATION_FACTS). */
  limit?: number;
  /** Say when each was earned and when it expires, not only that it expired. */
  withDates?: boolean;
  /** Say which are exams ("… (exam)"): the link card counts them apart. */
  withType?: boolean;
  /** How the dates are written (default: the language's). */
  dates?: DateStyle;
}

/**
 * Partner Center titles an exam "Exam AZ-204: Developing Solutions for Microsoft Azure"; beside
 * the label AZ-204 the number would be read twice. An expired certification says so: the person
 * sees which of their skills are current before they link.
 */
export function certificationFacts(certifications: readonly Certification[], locale: Locale, now: Date, options: CertificationFactOptions = {}): Fact[] {
  const dates = options.dates ?? locale;
  return certifications.slice(0, options.limit ?? MAX_CERTIFICATION_FACTS).map((c) => {
    const title = options.withType && c.type === 'exam' ? say(locale, 'certificationIsExam', { title: titleBesideNumber(c) }) : titleBesideNumber(c);
    const expired = isExpired(c, now);
    if (options.withDates && !expired) {
      const earned = formatDate(c.earnedOn, dates);
      const value = c.expiresOn ? say(locale, 'certificationEarnedExpires', { title, earned, expires: formatDate(c.expiresOn, dates) }) : say(locale, 'certificationEarned', { title, earned });
      return { label: c.number, value };
    }
    return { label: c.number, value: expired ? say(locale, 'certificationExpired', { title, date: formatDate(c.expiresOn as string, dates) }) : title };
  });
}
