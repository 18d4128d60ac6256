/**
 * Who did what, when, per org. Entries are written once and never
 * edited; they are not tied to the per-MCID record, so they outlive the links
 * they describe.
 */
export type AuditAction = 'link' | 'switchIn' | 'switchOut' | 'unlink' | 'removedByAdmin' | 'takeover' | 'grantPartnerAdmin' | 'revokePartnerAdmin' | 'downloadReport' | 'downloadAudit';

export const AUDIT_ACTIONS: readonly AuditAction[] = ['link', 'switchIn', 'switchOut', 'unlink', 'removedByAdmin', 'takeover', 'grantPartnerAdmin', 'revokePartnerAdmin', 'downloadReport', 'downloadAudit'];

export interface AuditEntry {
  /** ISO instant. */
  at: string;
  mpnId: string;
  /** Entra object id of whoever acted (the person, or the admin). */
  actorUserId: string;
  action: AuditAction;
  mcid?: string;
  /** Entra object id of whoever was acted on, when not the actor. */
  targetUserId?: string;
  /** Short machine-readable facts (the other org of a switch, a download's format). No names or emails. */
  details?: Record<string, string>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** The newest `count` entries of an org, newest first. */
  latest(mpnId: string, count: number): Promise<AuditEntry[]>;
  /** Every entry of an org, oldest first, read in batches: for the download. */
  stream(mpnId: string): AsyncIterable<AuditEntry>;
}
