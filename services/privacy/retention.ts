/**
 * How long CertLink keeps what it must keep (PRIVACY.md, "How long").
 * Start dates: the limit window plus a margin, so the abuse limits (R3) can
 * always be checked and nothing is kept once no limit can use it. Audit: a
 * fixed period (2 years by default) that the partner organization may set.
 */
import { addDays, DAY_MS } from '../clock';
import { AssociationLimits } from '../association/types';

export interface RetentionPolicy {
  /** Days association start dates are kept after the latest start (pseudonymized starts, records without a link). */
  startRetentionDays: number;
  /** Days an audit entry is kept. */
  auditRetentionDays: number;
}

export const START_RETENTION_MARGIN_DAYS = 30;
export const DEFAULT_AUDIT_RETENTION_DAYS = 730;

export function defaultRetention(limits: AssociationLimits): RetentionPolicy {
  return { startRetentionDays: windowLengthDays(limits) + START_RETENTION_MARGIN_DAYS, auditRetentionDays: DEFAULT_AUDIT_RETENTION_DAYS };
}

/** The longest a start can count: a year (by date or calendar) is up to 366 days. */
function windowLengthDays(limits: AssociationLimits): number {
  return limits.windowKind === 'rolling' ? limits.windowDays : 366;
}

/** The shortest start retention that still lets the rules see every start they count. */
export function minimumStartRetentionDays(limits: AssociationLimits): number {
  // A year by date or a calendar year looks back at most 366 days (a leap year).
  return Math.max(windowLengthDays(limits), limits.cooldownDays);
}

/** Start dates still worth keeping at `now`, and when the last of them stops being. Null when none is. */
export function keptStarts(startsIso: string[], now: Date, policy: RetentionPolicy): { starts: string[]; expiresAt: Date } | null {
  const cutoff = now.getTime() - policy.startRetentionDays * DAY_MS;
  const starts = [...new Set(startsIso)].filter((s) => Date.parse(s) > cutoff).sort();
  if (starts.length === 0) return null;
  return { starts, expiresAt: addDays(new Date(starts[starts.length - 1]), policy.startRetentionDays) };
}

export function auditCutoff(now: Date, policy: RetentionPolicy): Date {
  return new Date(now.getTime() - policy.auditRetentionDays * DAY_MS);
}
