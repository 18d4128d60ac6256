/**
 * Audit retention: Redis cannot expire single stream entries, so entries
 * older than the audit retention are trimmed by this sweep, org by org. The
 * bot runs it at start and then periodically (PRIVACY_SWEEP_INTERVAL_HOURS).
 * Pseudonymized start dates and scheduled profile erasures need no sweep:
 * they are keys with a TTL.
 */
import { Clock } from '../clock';
import { auditCutoff, RetentionPolicy } from './retention';
import { AuditRetention } from './retentionStores';

export interface SweepResult {
  auditEntriesTrimmed: number;
  orgs: number;
}

export async function sweepAuditRetention(deps: { audit: AuditRetention; mpnIds: string[]; clock: Clock; policy: RetentionPolicy }): Promise<SweepResult> {
  const before = auditCutoff(deps.clock.now(), deps.policy);
  let trimmed = 0;
  for (const mpnId of deps.mpnIds) trimmed += await deps.audit.trimBefore(mpnId, before);
  return { auditEntriesTrimmed: trimmed, orgs: deps.mpnIds.length };
}

/** Runs the sweep now and every `intervalMs`; the timer does not keep the process alive. */
export function startRetentionSweeps(run: () => Promise<unknown>, intervalMs: number, onError: (err: unknown) => void): { stop(): void } {
  const tick = () => void run().catch(onError);
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
