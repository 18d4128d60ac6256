/**
 * Partner Center's association rules (docs/RULES.md, R1–R4, R6) as pure
 * functions of a per-MCID record and the time. No I/O: the service reads the
 * record, asks these functions, and writes the result in one atomic step.
 */
import { addDays, startOfUtcDay } from '../clock';
import { AssociationLimits, CurrentLink, EndedLink, LinkEndReason, MAX_ENDED_KEPT, McidRecord, OwnershipProof } from './types';

export type LimitKind = 'cooldown' | 'yearlyLimit';

export interface LinkRequest {
  mpnId: string;
  tenantId: string;
  userId: string;
  proof: OwnershipProof;
}

export type LinkDecision =
  /** Already linked to this org by this person: nothing to do, no association used (R3). */
  | { kind: 'noop'; link: CurrentLink }
  /** Linked in this org by someone else, and the requester proved ownership only by email (R6). */
  | { kind: 'ownedByOther' }
  /** Same org, another person who signed in with the MCID's own account: ownership moves, no association used. */
  | { kind: 'takeover'; link: CurrentLink }
  | { kind: 'refused'; blockedBy: LimitKind[]; nextDate: Date; usedInWindow: number }
  | {
      kind: 'allowed';
      /** The org the link moves away from in the same step (R2), if any. */
      switchFrom: string | null;
      /** Associations in the window after this one. */
      usedAfter: number;
      /** When the next association after this one becomes possible. */
      nextDateAfter: Date;
    };

export interface Availability {
  /** Midnight UTC of the first day a new association is allowed (today when allowed now). */
  date: Date;
  /** What holds it back; empty when a new association is allowed today. */
  blockedBy: LimitKind[];
  usedInWindow: number;
  startsInWindow: { mpnId: string; at: string }[];
}

/**
 * The day a start leaves the window: the same date one year later ('year'; 29 February gives
 * 1 March, Date.UTC rolls it over), or `windowDays` later ('rolling').
 */
export function windowEnd(startIso: string, limits: AssociationLimits): Date {
  const day = startOfUtcDay(new Date(startIso));
  if (limits.windowKind === 'year') return new Date(Date.UTC(day.getUTCFullYear() + 1, day.getUTCMonth(), day.getUTCDate()));
  return addDays(day, limits.windowDays);
}

function startsInWindow(starts: McidRecord['starts'], today: Date, limits: AssociationLimits): McidRecord['starts'] {
  if (limits.windowKind === 'calendar') {
    const year = today.getUTCFullYear();
    return starts.filter((s) => new Date(s.at).getUTCFullYear() === year);
  }
  return starts.filter((s) => windowEnd(s.at, limits) > today);
}

/**
 * When may a new association start? R4: the later of (last start + cooldown)
 * and (the start that must leave the window + window length).
 */
export function availability(starts: McidRecord['starts'], now: Date, limits: AssociationLimits): Availability {
  const today = startOfUtcDay(now);
  const sorted = [...starts].sort((a, b) => a.at.localeCompare(b.at));
  const inWindow = startsInWindow(sorted, today, limits);
  const blockedBy: LimitKind[] = [];
  let date = today;

  const last = sorted[sorted.length - 1];
  if (last) {
    const cooldownEnd = addDays(startOfUtcDay(new Date(last.at)), limits.cooldownDays);
    if (cooldownEnd > today) {
      blockedBy.push('cooldown');
      date = cooldownEnd;
    }
  }
  if (inWindow.length >= limits.maxPerWindow) {
    let limitEnd: Date;
    if (limits.windowKind === 'calendar') {
      limitEnd = new Date(Date.UTC(today.getUTCFullYear() + 1, 0, 1));
    } else {
      const leaving = inWindow[inWindow.length - limits.maxPerWindow];
      limitEnd = windowEnd(leaving.at, limits);
    }
    blockedBy.push('yearlyLimit');
    if (limitEnd > date) date = limitEnd;
  }
  return { date, blockedBy, usedInWindow: inWindow.length, startsInWindow: inWindow };
}

export function decideLink(record: McidRecord, req: LinkRequest, now: Date, limits: AssociationLimits): LinkDecision {
  const link = record.link;
  if (link && link.mpnId === req.mpnId) {
    if (link.userId === req.userId) return { kind: 'noop', link };
    if (req.proof !== 'signin') return { kind: 'ownedByOther' };
    return { kind: 'takeover', link };
  }
  const avail = availability(record.starts, now, limits);
  if (avail.blockedBy.length > 0) {
    return { kind: 'refused', blockedBy: avail.blockedBy, nextDate: avail.date, usedInWindow: avail.usedInWindow };
  }
  const startsAfter = [...record.starts, { mpnId: req.mpnId, at: now.toISOString() }];
  const after = availability(startsAfter, now, limits);
  return {
    kind: 'allowed',
    switchFrom: link ? link.mpnId : null,
    usedAfter: after.usedInWindow,
    nextDateAfter: after.date,
  };
}

function endLink(link: CurrentLink, now: Date, reason: LinkEndReason): EndedLink {
  return { mpnId: link.mpnId, userId: link.userId, since: link.since, endedAt: now.toISOString(), reason };
}

function keepRecent(ended: EndedLink[]): EndedLink[] {
  return ended.slice(-MAX_ENDED_KEPT);
}

/** The record after an allowed link or takeover. Call only with such a decision. */
export function applyLink(record: McidRecord, req: LinkRequest, decision: LinkDecision, now: Date): McidRecord {
  const at = now.toISOString();
  if (decision.kind === 'takeover') {
    const link: CurrentLink = { ...decision.link, userId: req.userId, proof: req.proof };
    return { ...record, version: record.version + 1, link };
  }
  if (decision.kind !== 'allowed') throw new Error(`applyLink called with a ${decision.kind} decision`);
  const ended = record.link ? keepRecent([...record.ended, endLink(record.link, now, 'switched')]) : record.ended;
  return {
    ...record,
    version: record.version + 1,
    link: { mpnId: req.mpnId, tenantId: req.tenantId, userId: req.userId, since: at, proof: req.proof },
    starts: [...record.starts, { mpnId: req.mpnId, at }],
    ended,
  };
}

/** The record after the link ends. Starts are kept: removing never gives an association back (R3). */
export function applyUnlink(record: McidRecord, now: Date, reason: LinkEndReason): McidRecord {
  if (!record.link) return record;
  return {
    ...record,
    version: record.version + 1,
    link: null,
    ended: keepRecent([...record.ended, endLink(record.link, now, reason)]),
  };
}

/** R8: credit may still be on its way this many days after linking. */
export const CREDIT_DELAY_DAYS = 10;

export function creditMayBePending(link: CurrentLink, now: Date): boolean {
  return addDays(new Date(link.since), CREDIT_DELAY_DAYS) > now;
}
