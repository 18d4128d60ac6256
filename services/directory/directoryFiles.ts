/**
 * Reads and checks ORGS_FILE and PROFILES_FILE (formats in docs/DATA-FORMATS.md).
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    // Not there, a folder, not readable: the path is what to fix, not the JSON.
    return fail(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    return fail(file, `cannot be read as JSON (${(err as Error).message})`);
  }
}

export function parseOrgs(data: unknown, file = 'orgs'): Organization[] {
  const orgs = (data as { orgs?: unknown })?.orgs;
  if (!Array.isArray(orgs)) fail(file, 'expected {"orgs": [...]}');
  const parsed = orgs.map((o: Record<string, unknown>, i: number) => {
    if (typeof o?.mpnId !== 'string' || !/^\d{4,10}$/.test(o.mpnId)) fail(file, `orgs[${i}].mpnId must be a string of digits`);
    if (typeof o.name !== 'string' || !o.name) fail(file, `orgs[${i}].name is missing`);
    if (!isStringArray(o.tenantIds) || o.tenantIds.length === 0) fail(file, `orgs[${i}].tenantIds must list at least one tenant id`);
    if (!isStringArray(o.globalAdmins)) fail(file, `orgs[${i}].globalAdmins must be an array of Entra object ids`);
    const domains = o.domains === undefined ? undefined : parseDomains(file, i, o.domains);
    return { mpnId: o.mpnId, name: o.name, tenantIds: o.tenantIds, globalAdmins: o.globalAdmins, ...(domains ? { domains } : {}) };
  });
  // A tenant belongs to one organization (docs/DATA-FORMATS.md): listed twice, which one its people link to would be a guess.
  failOnRepeat(
    file,
    parsed.map((o, i) => ({ key: o.mpnId, where: `orgs[${i}].mpnId` })),
    'is listed twice',
  );
  failOnRepeat(
    file,
    parsed.flatMap((o, i) => o.tenantIds.map((t) => ({ key: t.toLowerCase(), where: `orgs[${i}].tenantIds (${t})` }))),
    'belongs to two organizations',
  );
  // A domain vouches for the addresses of one organization's people; listed by two, either's accounts could claim the other's.
  failOnRepeat(
    file,
    parsed.flatMap((o, i) => (o.domains ?? []).map((d, j) => ({ key: d, where: `orgs[${i}].domains[${j}] (${d})` }))),
    'is listed by two organizations',
  );
  return parsed;
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** `domains`: host names such as contoso.com, kept in lower case; no wildcards (a subdomain is listed as such). */
function parseDomains(file: string, i: number, value: unknown): string[] {
  if (!isStringArray(value)) fail(file, `orgs[${i}].domains must be an array of email domains such as "contoso.com"`);
  return value.map((d, j) => {
    const domain = d.trim().toLowerCase();
    if (!DOMAIN.test(domain)) fail(file, `orgs[${i}].domains[${j}] must be an email domain such as "contoso.com" (no @, no wildcard)`);
    return domain;
  });
}

/** Stops at the first key seen twice, naming both places. */
function failOnRepeat(file: string, entries: { key: string; where: string }[], what: string): void {
  const seen = new Map<string, string>();
  for (const { key, where } of entries) {
    const first = seen.get(key);
    if (first !== undefined) fail(file, `${where} ${what} (also at ${first})`);
    seen.set(key, where);
  }
}

/** A calendar day as YYYY-MM-DD that exists (cards and the report format these dates; 2026-02-30 is not one). */
function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(value);
}

export function parseProfiles(data: unknown, file = 'profiles'): CertificationProfile[] {
  const profiles = (data as { profiles?: unknown })?.profiles;
  if (!Array.isArray(profiles)) fail(file, 'expected {"profiles": [...]}');
  const parsed = profiles.map((p: Record<string, unknown>, i: number) => {
    if (typeof p?.mcid !== 'string' || !/^\d{4,12}$/.test(p.mcid)) fail(file, `profiles[${i}].mcid must be a string of digits`);
    if (typeof p.firstName !== 'string' || typeof p.lastName !== 'string') fail(file, `profiles[${i}] needs firstName and lastName`);
    if (!isStringArray(p.emails)) fail(file, `profiles[${i}].emails must be an array of strings`);
    if (!Array.isArray(p.certifications)) fail(file, `profiles[${i}].certifications must be an array`);
    const certifications = p.certifications.map((c: Record<string, unknown>, j: number): Certification => {
      const where = `profiles[${i}].certifications[${j}]`;
      if (typeof c?.number !== 'string' || typeof c.title !== 'string') fail(file, `${where} needs number and title`);
      if (c.type !== 'certification' && c.type !== 'exam') fail(file, `${where}.type must be certification or exam`);
      if (typeof c.earnedOn !== 'string') fail(file, `${where}.earnedOn is missing`);
      if (!isIsoDay(c.earnedOn)) fail(file, `${where}.earnedOn must be a date as YYYY-MM-DD`);
      if (c.expiresOn !== undefined && !isIsoDay(c.expiresOn)) fail(file, `${where}.expiresOn must be a date as YYYY-MM-DD`);
      return { number: c.number, title: c.title, type: c.type as Certification['type'], earnedOn: c.earnedOn, expiresOn: c.expiresOn as string | undefined };
    });
    return { mcid: p.mcid, firstName: p.firstName, lastName: p.lastName, emails: p.emails, certifications };
  });
  // The email shortcut (R5) must lead to one profile: an address on two would link whichever was indexed last.
  // Named by position, not by address: this message is logged.
  failOnRepeat(
    file,
    parsed.map((p, i) => ({ key: p.mcid, where: `profiles[${i}].mcid` })),
    'is listed twice',
  );
  failOnRepeat(
    file,
    parsed.flatMap((p, i) => p.emails.map((e, j) => ({ key: e.trim().toLowerCase(), where: `profiles[${i}].emails[${j}]` }))),
    'is on two profiles',
  );
  return parsed;
}

export function loadOrgsFile(file: string): Organization[] {
  return parseOrgs(readJson(file), file);
}

export function loadProfilesFile(file: string): CertificationProfile[] {
  return parseProfiles(readJson(file), file);
}
