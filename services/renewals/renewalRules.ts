/**
 * When a certification's renewal is announced. Role-based Microsoft certifications (associate,
 * expert, specialty) expire yearly and renew free on Microsoft Learn during a window before
 * expiry; fundamentals and exams do not expire (they carry no expiresOn). Two reminders per
 * certification and expiry day: when the window opens ('window') and at the last call
 * ('lastCall'). A certification already inside its window when the person links (or is imported)
 * is told the next day; one already past its last call gets only the last call.
 */
import { DAY_MS, startOfUtcDay } from '../clock';
import { Certification, CertificationProfile } from '../directory/types';
import { Locale } from '../i18n/locale';
import { RenewalStage, RenewalTarget } from '../notices/types';

export interface RenewalSettings {
  /** Days before expiry the window opens (RENEWAL_WINDOW_DAYS). */
  windowDays: number;
  /** Days before expiry of the last reminder (RENEWAL_LAST_CALL_DAYS). */
  lastCallDays: number;
}

export const DEFAULT_RENEWAL_SETTINGS: RenewalSettings = { windowDays: 180, lastCallDays: 30 };

/** A certification with an expiry day: one that renews. */
export type RenewableCertification = Certification & { expiresOn: string };

export function isRenewable(c: Certification): c is RenewableCertification {
  return c.type === 'certification' && typeof c.expiresOn === 'string' && Number.isFinite(Date.parse(c.expiresOn));
}

function expiryOf(expiresOn: string): number {
  return Date.parse(`${expiresOn.slice(0, 10)}T00:00:00Z`);
}

/** Whole days from `now`'s day to the expiry day (0 on the day itself). */
export function daysLeft(expiresOn: string, now: Date): number {
  return Math.round((expiryOf(expiresOn) - startOfUtcDay(now).getTime()) / DAY_MS);
}

/** The day a stage's reminder is for: the window's first day, or the last call's. */
export function stageDay(expiresOn: string, stage: RenewalStage, s: RenewalSettings): Date {
  return new Date(expiryOf(expiresOn) - (stage === 'window' ? s.windowDays : s.lastCallDays) * DAY_MS);
}

/**
 * Whether a stage's reminder still has something to say on `now`: not expired yet, and the first
 * reminder only until the last call takes over (a late first reminder would be followed at once
 * by the last one).
 */
export function stageStillDue(target: RenewalTarget, now: Date, s: RenewalSettings): boolean {
  const left = daysLeft(target.expiresOn, now);
  if (left < 0) return false;
  return target.stage === 'lastCall' || left > s.lastCallDays;
}

export interface PlannedReminder {
  target: RenewalTarget;
  /** When it fires: its stage's day, or the next day's start when that day has passed (not in the middle of the turn that linked). */
  dueAt: Date;
}

function dueAt(day: Date, now: Date): Date {
  return day.getTime() >= now.getTime() ? day : new Date(startOfUtcDay(now).getTime() + DAY_MS);
}

/** The reminders to queue for a certification on `now`: none once expired. */
export function remindersFor(c: RenewableCertification, now: Date, s: RenewalSettings): PlannedReminder[] {
  const stages: RenewalStage[] = ['window', 'lastCall'];
  return stages.map((stage) => ({ target: { title: c.title, expiresOn: c.expiresOn.slice(0, 10), stage }, dueAt: dueAt(stageDay(c.expiresOn, stage, s), now) })).filter((r) => stageStillDue(r.target, now, s));
}

/** The profile's certification a reminder is about, as the profile says now; null when renewed (a new expiry) or gone. */
export function stillExpiring(profile: CertificationProfile | null, target: RenewalTarget): RenewableCertification | null {
  const c = profile?.certifications.find((x) => x.title === target.title && isRenewable(x) && x.expiresOn.slice(0, 10) === target.expiresOn);
  return c && isRenewable(c) ? c : null;
}

export interface DueRenewal {
  /** The title, with the exam number beside it when the profile has one. */
  name: string;
  expiresOn: string;
  daysLeft: number;
}

/** What "my renewals" lists: certifications inside their renewal window now, soonest first. */
export function dueRenewals(profile: CertificationProfile | null, now: Date, s: RenewalSettings): DueRenewal[] {
  return (profile?.certifications ?? [])
    .filter(isRenewable)
    .map((c) => ({ name: certificationName(c), expiresOn: c.expiresOn.slice(0, 10), daysLeft: daysLeft(c.expiresOn, now) }))
    .filter((r) => r.daysLeft >= 0 && r.daysLeft <= s.windowDays)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.name.localeCompare(b.name));
}

/** "Title (AZ-104)", or the title alone when its number is the title (an imported profile). */
export function certificationName(c: Pick<Certification, 'number' | 'title'>): string {
  return c.number && c.number !== c.title ? `${c.title} (${c.number})` : c.title;
}

/**
 * Where a certification is renewed: its renewal assessment opens from the person's Microsoft
 * Learn profile (Certifications, Renew), the one place that works for every certification
 * (Learn's per-certification page addresses cannot be derived from the title reliably).
 */
export function renewalUrl(locale: Locale): string {
  return `https://learn.microsoft.com/${locale === 'fr' ? 'fr-fr' : 'en-us'}/users/me/credentials?tab=credentials-tab`;
}
