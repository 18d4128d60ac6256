/**
 * "my certifications": the assessments of the person's Partner University account, a part of
 * their own: they come from Partner University, not from the certification profile.
 */
import { Fact } from '../../../cards/cardModels';
import { DateStyle } from '../../../services/i18n/dates';
import { formatDate, Locale } from '../../../services/i18n/locale';
import { say } from '../../../services/i18n/say';
import { UniversityAssessment } from '../../../services/university/universityAssessments';
import { HandlerContext } from '../feature';
import { EmployeeDeps } from './employeeDeps';

export interface AssessmentSection {
  title: string;
  lines: string[];
  facts: Fact[];
}

/** Each assessment under its completion date; an expired one says so. */
export function assessmentFacts(assessments: readonly UniversityAssessment[], locale: Locale, now: Date, dates: DateStyle | Locale = locale): Fact[] {
  return assessments.map((a) => {
    const label = formatDate(a.completedOn, dates);
    if (!a.expiresOn) return { label, value: a.title };
    const key = Date.parse(a.expiresOn) < now.getTime() ? 'certificationExpired' : 'assessmentExpires';
    const expires = formatDate(a.expiresOn, dates);
    return { label, value: say(locale, key, { title: a.title, date: expires, expires }) };
  });
}

/** Null when no Partner University account is linked (or the assessments are not kept here). */
export async function assessmentSection(hc: HandlerContext, d: EmployeeDeps, limit: number): Promise<AssessmentSection | null> {
  if (!d.universityAssessments) return null;
  const link = await d.university.get(hc.info.tenantId ?? '', hc.info.userId);
  if (!link) return null;
  const assessments = await d.universityAssessments.get(link.account);
  const { account } = link;
  const lines = [say(hc.locale, assessments.length > 0 ? 'certificationsUniversityAccount' : 'certificationsUniversityNone', { account })];
  const facts = assessmentFacts(assessments.slice(0, limit), hc.locale, d.clock.now(), hc.dates);
  if (assessments.length > limit) facts.push({ label: '', value: say(hc.locale, 'certificationsMore', { count: assessments.length - limit }) });
  return { title: say(hc.locale, 'certificationsUniversityTitle'), lines, facts };
}
