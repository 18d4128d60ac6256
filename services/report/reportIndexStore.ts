/**
 * Counters behind the report card, kept per org so the card never scans the
 * org. Derived data: written by ReportIndexListener after each
 * record change, rebuildable from the records and profiles.
 *
 * Each member is stored with the facts it was counted with, so removing it
 * takes back exactly what adding it gave, even if its profile changed since;
 * adding twice or removing twice is a no-op.
 */
export interface IndexedCertification {
  title: string;
  /** Epoch ms; absent when it does not expire. */
  expiresAt?: number;
}

export interface IndexedMember {
  /** Epoch ms the association started. */
  since: number;
  certifications: IndexedCertification[];
}

export interface TitleCount {
  title: string;
  count: number;
}

export interface CounterQuery {
  /** Members linked at or after this epoch ms count as "credit may still be pending" (R8). */
  pendingSince: number;
  /** Certifications expiring in [expiringFrom, expiringTo] epoch ms. */
  expiringFrom: number;
  expiringTo: number;
  /** Certifications that expired before this epoch ms are not held: left out of byTitle, counted in expired. */
  heldAt: number;
}

export interface ReportCounters {
  linked: number;
  pendingCredit: number;
  /** Certifications held at heldAt, by title. Unordered; the service sorts. */
  byTitle: TitleCount[];
  expiring: TitleCount[];
  /** Certifications of linked people that expired before heldAt. */
  expired: number;
}

export interface ReportIndexStore {
  /** False when the member was already counted in that org. */
  add(mpnId: string, mcid: string, member: IndexedMember): Promise<boolean>;
  /** False when the member was not counted in that org. */
  remove(mpnId: string, mcid: string): Promise<boolean>;
  counters(mpnId: string, query: CounterQuery): Promise<ReportCounters>;
  /** Forgets every counter of the org (before a rebuild). */
  clear(mpnId: string): Promise<void>;
}
