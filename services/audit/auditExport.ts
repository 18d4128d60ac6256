/** The audit log as rows for the CSV / Excel download, oldest first. */
import { AuditLog } from './auditLog';

export const AUDIT_COLUMNS = ['At', 'Action', 'ActorUserId', 'TargetUserId', 'MCPID', 'MpnId', 'Details'] as const;

export type AuditRow = Record<(typeof AUDIT_COLUMNS)[number], string>;

export async function* auditRows(log: AuditLog, mpnId: string): AsyncIterable<AuditRow> {
  for await (const e of log.stream(mpnId)) {
    yield {
      At: e.at,
      Action: e.action,
      ActorUserId: e.actorUserId,
      TargetUserId: e.targetUserId ?? '',
      MCPID: e.mcid ?? '',
      MpnId: e.mpnId,
      Details: e.details
        ? Object.entries(e.details)
            .map(([k, v]) => `${k}=${v}`)
            .join('; ')
        : '',
    };
  }
}
