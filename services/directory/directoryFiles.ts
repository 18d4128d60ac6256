/**
 * Reads and checks ORGS_FILE and PROFILES_FILE (formats in DESIGN.md §4).
 * A file that does not parse stops the bot at start with a message that says where.
 */
import { readFileSync } from 'node:fs';
import { Certification, CertificationProfile, Organization } from './types';

function fail(file: string, what: string): never {
  throw new Error(`${file}: ${what}`);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return fail(file, `cannot be read as JSON (${(err as Error).message})`);
  }
}

export function parseOrgs(data: unknown, file = 'orgs'): Organization[] {
  const orgs = (data as { orgs?: unknown })?.orgs;
  if (!Array.isArray(orgs)) fail(file, 'expected {"orgs": [...]}');
  return orgs.map((o: Record<string, unknown>, i: number) => {
    if (typeof o?.mpnId !== 'string' || !/^\d{4,10}$/.test(o.mpnId)) fail(file, `orgs[${i}].mpnId must be a string of digits`);
    if (typeof o.name !== 'string' || !o.name) fail(file, `orgs[${i}].name is missing`);
    if (!isStringArray(o.tenantIds) || o.tenantIds.length === 0) fail(file, `orgs[${i}].tenantIds must list at least one tenant id`);
    if (!isStringArray(o.globalAdmins)) fail(file, `orgs[${i}].globalAdmins must be an array of Entra object ids`);
    return { mpnId: o.mpnId, name: o.name, tenantIds: o.tenantIds, globalAdmins: o.globalAdmins };
  });
}

export function parseProfiles(data: unknown, file = 'profiles'): CertificationProfile[] {
  const profiles = (data as { profiles?: unknown })?.profiles;
  if (!Array.isArray(profiles)) fail(file, 'expected {"profiles": [...]}');
  return profiles.map((p: Record<string, unknown>, i: number) => {
    if (typeof p?.mcid !== 'string' || !/^\d{4,12}$/.test(p.mcid)) fail(file, `profiles[${i}].mcid must be a string of digits`);
    if (typeof p.firstName !== 'string' || typeof p.lastName !== 'string') fail(file, `profiles[${i}] needs firstName and lastName`);
    if (!isStringArray(p.emails)) fail(file, `profiles[${i}].emails must be an array of strings`);
    if (!Array.isArray(p.certifications)) fail(file, `profiles[${i}].certifications must be an array`);
    const certifications = p.certifications.map((c: Record<string, unknown>, j: number): Certification => {
      const where = `profiles[${i}].certifications[${j}]`;
      if (typeof c?.number !== 'string' || typeof c.title !== 'string') fail(file, `${where} needs number and title`);
      if (c.type !== 'certification' && c.type !== 'exam') fail(file, `${where}.type must be certification or exam`);
      if (typeof c.earnedOn !== 'string') fail(file, `${where}.earnedOn is missing`);
      if (c.expiresOn !== undefined && typeof c.expiresOn !== 'string') fail(file, `${where}.expiresOn must be a date`);
      return { number: c.number, title: c.title, type: c.type as Certification['type'], earnedOn: c.earnedOn, expiresOn: c.expiresOn as string | undefined };
    });
    return { mcid: p.mcid, firstName: p.firstName, lastName: p.lastName, emails: p.emails, certifications };
  });
}

export function loadOrgsFile(file: string): Organization[] {
  return parseOrgs(readJson(file), file);
}

export function loadProfilesFile(file: string): CertificationProfile[] {
  return parseProfiles(readJson(file), file);
}
