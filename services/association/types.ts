/** Partner Center's abuse limits (R3). Defaults: 3 a year (a start counts until the same date one year later), 30 days between starts. */
export interface AssociationLimits {
  maxPerWindow: number;
  windowDays: number;
  /**
   * year: a start counts until the same date one year later (29 February: 1 March), `windowDays`
   * unused; rolling: the last `windowDays` days; calendar: the current UTC calendar year.
   */
  windowKind: LimitWindowKind;
  cooldownDays: number;
}

export const LIMIT_WINDOW_KINDS = ['year', 'rolling', 'calendar'] as const;
export type LimitWindowKind = (typeof LIMIT_WINDOW_KINDS)[number];

export const DEFAULT_LIMITS: AssociationLimits = {
  maxPerWindow: 3,
  windowDays: 365,
  windowKind: 'year',
  cooldownDays: 30,
};

/** How the person proved the MCID is theirs (R5): never a password typed into chat. */
export type OwnershipProof = 'email' | 'signin';

export interface CurrentLink {
  mpnId: string;
  tenantId: string;
  /** Entra object id (aadObjectId) of the person who linked: only they act on it. */
  userId: string;
  /** ISO instant the association started. */
  since: string;
  proof: OwnershipProof;
}

export type LinkEndReason = 'removedByPerson' | 'switched' | 'removedByAdmin';

export interface EndedLink {
  mpnId: string;
  userId: string;
  since: string;
  endedAt: string;
  reason: LinkEndReason;
}

/**
 * The per-MCID record: the single source of truth for R1–R3. Everything else
 * (org membership, person → MCID) is derived from it and rebuildable.
 */
export interface McidRecord {
  mcid: string;
  /** Bumped on every write; stores compare-and-set on it. 0 = never written. */
  version: number;
  link: CurrentLink | null;
  /** Every association start, oldest first. Removing a link never deletes one (R3). */
  starts: { mpnId: string; at: string }[];
  /** The most recent ended links, newest last, kept short: the audit log has the full story. */
  ended: EndedLink[];
}

export function emptyRecord(mcid: string): McidRecord {
  return { mcid, version: 0, link: null, starts: [], ended: [] };
}

export const MAX_ENDED_KEPT = 10;
