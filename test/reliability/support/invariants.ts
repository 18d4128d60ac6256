/**
 * The association invariants, checked from what is stored, not from what the
 * bot said: R1 (one org per MCID, in the record and in the org indexes), R3
 * (at most maxPerWindow starts in any window, cooldownDays between starts,
 * counted in whole UTC days as the rules do), a current link agreeing with
 * the last start, and every org-index entry agreeing with the record.
 */
import { AssociationLimits, DEFAULT_LIMITS, McidRecord } from '../../../services/association/types';
import { DAY_MS, startOfUtcDay } from '../../../services/clock';
import { RedisAssociationKeys, RedisAssociationStore } from '../../../services/redis/redisAssociationStore';
import { RedisClient } from '../../../services/redis/redisConnection';

export interface InvariantReport {
  records: number;
  linked: number;
  starts: number;
  /** An MCID in more than one org index, or linked to an org that does not exist. */
  r1: number;
  r3Window: number;
  r3Cooldown: number;
  /** A current link whose org is not the org of the last start. */
  linkNotLastStart: number;
  /** An org index entry for an MCID whose record is not linked to that org, or a linked MCID missing from its org index. */
  indexDisagreements: number;
  /** Person → MCID entries of linked records that name another MCID (derived, verified on read; reported, not an invariant). */
  personIndexStale: number;
  violations: string[];
}

function day(at: string): number {
  return startOfUtcDay(new Date(at)).getTime() / DAY_MS;
}

export function checkRecordRules(record: McidRecord, limits: AssociationLimits = DEFAULT_LIMITS): { window: boolean; cooldown: boolean } {
  const days = record.starts.map((s) => day(s.at));
  let window = true;
  let cooldown = true;
  for (let k = 0; k < days.length; k++) {
    if (k > 0 && days[k] - days[k - 1] < limits.cooldownDays) cooldown = false;
    const inWindow = days.slice(0, k + 1).filter((d) => d + limits.windowDays > days[k]).length;
    if (inWindow > limits.maxPerWindow) window = false;
  }
  return { window, cooldown };
}

export async function checkInvariants(redis: RedisClient, prefix: string, mcids: string[], mpnIds: string[]): Promise<InvariantReport> {
  const store = new RedisAssociationStore(redis, prefix);
  const keys = new RedisAssociationKeys(prefix);
  const records = await store.getRecords(mcids);
  const report: InvariantReport = { records: 0, linked: 0, starts: 0, r1: 0, r3Window: 0, r3Cooldown: 0, linkNotLastStart: 0, indexDisagreements: 0, personIndexStale: 0, violations: [] };
  const byMcid = new Map<string, McidRecord>();
  for (const record of records) {
    if (!record) continue;
    byMcid.set(record.mcid, record);
    report.records += 1;
    report.starts += record.starts.length;
    const rules = checkRecordRules(record);
    if (!rules.window) {
      report.r3Window += 1;
      report.violations.push(`R3 window: ${record.mcid} ${JSON.stringify(record.starts)}`);
    }
    if (!rules.cooldown) {
      report.r3Cooldown += 1;
      report.violations.push(`R3 cooldown: ${record.mcid} ${JSON.stringify(record.starts)}`);
    }
    if (record.link) {
      report.linked += 1;
      if (!mpnIds.includes(record.link.mpnId)) {
        report.r1 += 1;
        report.violations.push(`R1: ${record.mcid} linked to unknown org ${record.link.mpnId}`);
      }
      if (record.starts.at(-1)?.mpnId !== record.link.mpnId) {
        report.linkNotLastStart += 1;
        report.violations.push(`link/start: ${record.mcid}`);
      }
      const person = await store.mcidForPerson(record.link.tenantId, record.link.userId);
      if (person !== record.mcid) report.personIndexStale += 1;
    }
  }
  const orgsOf = new Map<string, string[]>();
  for (const mpnId of mpnIds) {
    const members = await redis.smembers(keys.orgMembers(mpnId));
    for (const mcid of members) {
      orgsOf.set(mcid, [...(orgsOf.get(mcid) ?? []), mpnId]);
      if (byMcid.get(mcid)?.link?.mpnId !== mpnId) {
        report.indexDisagreements += 1;
        report.violations.push(`index: ${mcid} in ${mpnId} but record says ${byMcid.get(mcid)?.link?.mpnId ?? 'not linked'}`);
      }
    }
  }
  for (const [mcid, orgs] of orgsOf) {
    if (orgs.length > 1) {
      report.r1 += 1;
      report.violations.push(`R1: ${mcid} in the indexes of ${orgs.join(', ')}`);
    }
  }
  for (const record of byMcid.values()) {
    if (record.link && !(orgsOf.get(record.mcid) ?? []).includes(record.link.mpnId)) {
      report.indexDisagreements += 1;
      report.violations.push(`index: ${record.mcid} linked to ${record.link.mpnId} but missing from its index`);
    }
  }
  return report;
}

export function totalViolations(r: InvariantReport): number {
  return r.r1 + r.r3Window + r.r3Cooldown + r.linkNotLastStart + r.indexDisagreements;
}
