/**
 * Data for the load scenarios: 3 orgs (one tenant each) and 500 profiles, and
 * for each profile one person in every tenant with the same email, so the
 * same MCID can be linked from any of the three orgs (switches, conflicts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Member } from '../../support/liveBot';

export interface ScenarioOrg {
  mpnId: string;
  name: string;
  tenantId: string;
}

export interface ScenarioData {
  dir: string;
  orgsFile: string;
  profilesFile: string;
  clockFile: string;
  orgs: ScenarioOrg[];
  mcids: string[];
  /** people[i][t]: the person of profile i in org t. */
  people: Member[][];
  dispose(): void;
}

export function makeScenarioData(profileCount = 500, start = '2026-01-05T09:00:00.000Z'): ScenarioData {
  const dir = mkdtempSync(path.join(tmpdir(), 'certlink-scenario-'));
  const orgs: ScenarioOrg[] = [1, 2, 3].map((n) => ({
    mpnId: `300000${n}`,
    name: `Org ${n}`,
    tenantId: `${n}${n}${n}${n}${n}${n}${n}${n}-0000-4000-8000-00000000000${n}`,
  }));
  const mcids: string[] = [];
  const profiles = [];
  const people: Member[][] = [];
  for (let i = 0; i < profileCount; i++) {
    const mcid = String(90000000 + i);
    const email = `p${i}@shared.example`;
    mcids.push(mcid);
    profiles.push({ mcid, firstName: `P${i}`, lastName: 'Load', emails: [email], certifications: [] });
    people.push(orgs.map((o, t) => ({ id: `29:p${i}-${t}`, aadObjectId: `aad-p${i}-${t}`, tenantId: o.tenantId, email, name: `P${i} Load` })));
  }
  const orgsFile = path.join(dir, 'orgs.json');
  const profilesFile = path.join(dir, 'profiles.json');
  const clockFile = path.join(dir, 'clock.txt');
  writeFileSync(orgsFile, JSON.stringify({ orgs: orgs.map((o) => ({ mpnId: o.mpnId, name: o.name, tenantIds: [o.tenantId], globalAdmins: [] })) }));
  writeFileSync(profilesFile, JSON.stringify({ profiles }));
  writeFileSync(clockFile, start);
  return { dir, orgsFile, profilesFile, clockFile, orgs, mcids, people, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
