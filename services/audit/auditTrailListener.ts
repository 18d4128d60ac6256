/**
 * Turns every saved change of a per-MCID record into audit entries in the
 * org(s) it touched. Subscribed to AssociationService as a listener.
 */
import { AssociationListener, RecordChange } from '../association/associationService';
import { AuditEntry, AuditLog } from './auditLog';

export function auditEntriesFor(change: RecordChange): AuditEntry[] {
  const { prev, next, actor } = change;
  const before = prev.link;
  const after = next.link;
  const base = { at: change.at.toISOString(), actorUserId: actor.userId, mcid: next.mcid };

  if (!before && after) return [{ ...base, mpnId: after.mpnId, action: 'link' }];
  if (before && after && before.mpnId !== after.mpnId) {
    return [
      { ...base, mpnId: before.mpnId, action: 'switchOut', details: { to: after.mpnId } },
      { ...base, mpnId: after.mpnId, action: 'switchIn', details: { from: before.mpnId } },
    ];
  }
  if (before && after && before.userId !== after.userId) {
    return [{ ...base, mpnId: after.mpnId, action: 'takeover', targetUserId: before.userId }];
  }
  if (before && !after) {
    const byAdmin = next.ended[next.ended.length - 1]?.reason === 'removedByAdmin' || actor.role === 'admin';
    return byAdmin ? [{ ...base, mpnId: before.mpnId, action: 'removedByAdmin', targetUserId: before.userId }] : [{ ...base, mpnId: before.mpnId, action: 'unlink' }];
  }
  return [];
}

export class AuditTrailListener implements AssociationListener {
  constructor(private readonly audit: AuditLog) {}

  async onRecordChanged(change: RecordChange): Promise<void> {
    for (const entry of auditEntriesFor(change)) await this.audit.record(entry);
  }
}
