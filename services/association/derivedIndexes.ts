/**
 * Per-org membership and person → MCID are derived from the per-MCID record.
 * Stores write them after the record, and readers verify them against it, so a
 * crash between the two leaves, at worst, an index entry that readers skip.
 */
import { McidRecord } from './types';

export interface IndexDelta {
  orgRemove: { mpnId: string; mcid: string } | null;
  orgAdd: { mpnId: string; mcid: string } | null;
  personClear: { tenantId: string; userId: string } | null;
  personSet: { tenantId: string; userId: string; mcid: string } | null;
}

export function indexDelta(prev: McidRecord, next: McidRecord): IndexDelta {
  const a = prev.link;
  const b = next.link;
  const sameOrg = a && b && a.mpnId === b.mpnId;
  const samePerson = a && b && a.tenantId === b.tenantId && a.userId === b.userId;
  return {
    orgRemove: a && !sameOrg ? { mpnId: a.mpnId, mcid: prev.mcid } : null,
    orgAdd: b && !sameOrg ? { mpnId: b.mpnId, mcid: next.mcid } : null,
    personClear: a && !samePerson ? { tenantId: a.tenantId, userId: a.userId } : null,
    personSet: b && !samePerson ? { tenantId: b.tenantId, userId: b.userId, mcid: next.mcid } : null,
  };
}
