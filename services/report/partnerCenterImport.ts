/**
 * Loads Partner Center's "Trainings, exams and certifications" export into
 * the profile store. Every row is checked before anything is written; a file
 * that cannot be read as that export (bad CSV, missing columns) changes
 * nothing. Rows group by MCPID into one profile each, whose certifications
 * become those of the file. A person with any rejected row is left as they
 * were, so a half-read person never replaces a whole one.
 */
import { parse } from 'csv-parse/sync';
import { normalizeEmail, ProfileStore } from '../directory/profileStore';
import { Certification, CertificationProfile } from '../directory/types';
import { UniversityAssessmentStore } from '../university/universityAssessments';
import { AssessmentRows, ImportedAccount, isAssessmentRow, writeAccounts } from './assessmentRows';
import { PARTNER_CENTER_COLUMNS } from './reportColumns';

type Column = (typeof PARTNER_CENTER_COLUMNS)[number];

export interface Rejection {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  reason: string;
}

/** How slash dates are read: Partner Center writes M/D/YYYY; Excel in French (or German…) writes D/M/YYYY. */
export type DateOrder = 'mdy' | 'dmy';

/** The separators an export may use, with the name the import's output gives each. */
export const DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;
type Delimiter = keyof typeof DELIMITER_NAMES;

/** Rows checked or written so far, for a progress display: checking reads every row, writing stores each person's rows. */
export interface ImportProgress {
  phase: 'checking' | 'writing';
  rows: number;
  totalRows: number;
}

export interface ImportOptions {
  dateOrder?: DateOrder;
  /** Called as rows are checked and written; calls may be many, so the callee decides when to show them. */
  onProgress?: (progress: ImportProgress) => void;
  /** Each profile written, with what it replaced (renewal reminders cancel what a new expiry day makes moot). */
  onWritten?: (before: CertificationProfile | null, after: CertificationProfile) => void;
  /** Where Partner University assessment rows are written (absent: they are checked, not written). */
  assessments?: UniversityAssessmentStore;
}

/** How the file was read: its separator, and the order of its slash dates. */
export interface ExportFormat {
  delimiter: Delimiter;
  dateOrder: DateOrder;
}

export type ParsedExport = { ok: false; error: string } | { ok: true; rowsRead: number; profiles: ImportedProfile[]; accounts: ImportedAccount[]; rejected: Rejection[]; format: ExportFormat };

export interface ImportedProfile {
  mcid: string;
  firstName: string;
  lastName: string;
  emails: string[];
  certifications: Certification[];
  lines: number[];
}

export type ImportReport = { ok: false; error: string } | { ok: true; rowsRead: number; imported: number; rejected: Rejection[]; profilesWritten: number; mcids: string[]; accountsWritten: number; format: ExportFormat };

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Our own export prefixes formula-like cells with a quote; take it back off on the way in. */
function unneutralize(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

/** YYYY-MM-DD, an ISO instant, a slash date (Partner Center's M/D/YYYY, or D/M/YYYY) or D.M.YYYY; null when none of them. */
export function parseExportDate(raw: string, slashOrder: DateOrder = 'mdy'): string | null {
  const v = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(v);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: .*)?$/.exec(v))) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    [y, m, d] = slashOrder === 'mdy' ? [Number(match[3]), first, second] : [Number(match[3]), second, first];
  }
  // D.M.YYYY (Excel in German): dots are always day first.
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: .*)?$/.exec(v))) [y, m, d] = [Number(match[3]), Number(match[2]), Number(match[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

interface RowFacts {
  line: number;
  mcid: string;
  firstName: string;
  lastName: string;
  emails: string[];
  certification: Certification | null;
}

function examNumber(title: string): string {
  return /\b([A-Z]{2,3}-\d{3})\b/.exec(title)?.[1] ?? title;
}

function checkRow(get: (c: Column) => string, line: number, org: string, slashOrder: DateOrder): RowFacts | Rejection {
  const reject = (reason: string): Rejection => ({ line, reason });
  const mcid = get('MCPID');
  if (!/^\d{4,12}$/.test(mcid)) return reject('MCPID must be 4 to 12 digits');
  const mpnId = get('MpnId');
  if (mpnId !== org) return reject(`MpnId ${mpnId || '(empty)'} is not the organization being imported (${org})`);
  const firstName = get('IndividualFirstName');
  const lastName = get('IndividualLastName');
  if (!firstName || !lastName) return reject('IndividualFirstName and IndividualLastName are required');
  const emails = [get('Email'), get('CorpEmail')].filter((e) => e !== '');
  if (emails.length === 0) return reject('Email or CorpEmail is required');
  if (emails.some((e) => !EMAIL.test(e))) return reject('Email or CorpEmail is not a valid address');

  const title = get('TrainingTitle');
  const type = get('TrainingType').toLowerCase();
  const completion = get('TrainingCompletionDate');
  const expiration = get('ExpirationDate');
  if (!title) {
    if (type || completion || expiration) return reject('TrainingType and dates are given without a TrainingTitle');
    return { line, mcid, firstName, lastName, emails, certification: null };
  }
  if (type !== 'certification' && type !== 'exam') return reject('TrainingType must be Certification, Exam or Assessment');
  const forms = `YYYY-MM-DD, ${slashOrder === 'mdy' ? 'M/D/YYYY' : 'D/M/YYYY'} or D.M.YYYY`;
  const earnedOn = parseExportDate(completion, slashOrder);
  if (!earnedOn) return reject(`TrainingCompletionDate is not a date (${forms})`);
  let expiresOn: string | undefined;
  if (expiration) {
    const parsed = parseExportDate(expiration, slashOrder);
    if (!parsed) return reject(`ExpirationDate is not a date (${forms})`);
    if (parsed < earnedOn) return reject('ExpirationDate is before TrainingCompletionDate');
    expiresOn = parsed;
  }
  const certification: Certification = { number: examNumber(title), title, type, earnedOn, ...(expiresOn ? { expiresOn } : {}) };
  return { line, mcid, firstName, lastName, emails, certification };
}

/**
 * The separator the header row uses: Partner Center writes commas, but the same file saved again
 * by Excel in French (or German…) uses semicolons, and some tools write tabs. The header's column
 * names hold none of these, so the one it has most of is the separator.
 */
export function headerDelimiter(content: string | Buffer): Delimiter {
  const head = typeof content === 'string' ? content.slice(0, 4096) : content.subarray(0, 4096).toString('utf8');
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const count = (d: string) => firstLine.split(d).length - 1;
  return (Object.keys(DELIMITER_NAMES) as Delimiter[]).reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** Pure: reads and checks the whole file, writes nothing. */
export function parsePartnerCenterExport(content: string | Buffer, org: string, options: ImportOptions = {}): ParsedExport {
  let records: { record: string[]; info: { lines: number } }[];
  const delimiter = headerDelimiter(content);
  // A semicolon file was saved by Excel where the list separator is ";" (French, German…): there, dates are day first.
  const format: ExportFormat = { delimiter, dateOrder: options.dateOrder ?? (delimiter === ';' ? 'dmy' : 'mdy') };
  try {
    records = parse(content, { bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    return { ok: false, error: `The file is not valid CSV: ${(err as Error).message}` };
  }
  if (records.length === 0) return { ok: false, error: 'The file is empty: expected a header row.' };
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  const index = new Map<Column, number>();
  const missing: string[] = [];
  for (const c of PARTNER_CENTER_COLUMNS) {
    const i = header.indexOf(c.toLowerCase());
    if (i < 0) missing.push(c);
    else index.set(c, i);
  }
  if (missing.length > 0) return { ok: false, error: `The header is missing these columns: ${missing.join(', ')}.` };

  const rejected: Rejection[] = [];
  const groups = new Map<string, RowFacts[]>();
  const assessmentRows = new AssessmentRows(org, format.dateOrder);
  const rejectedMcids = new Set<string>();
  // A record's first line: info.lines is where it ends, and a quoted field may span lines.
  let nextLine = records[0].info.lines + 1;
  const totalRows = records.length - 1;
  for (const [i, { record, info }] of records.slice(1).entries()) {
    options.onProgress?.({ phase: 'checking', rows: i, totalRows });
    const line = nextLine;
    nextLine = info.lines + 1;
    if (record.length < header.length) {
      rejected.push({ line, reason: `expected ${header.length} columns, found ${record.length}` });
      continue;
    }
    const get = (c: Column) => unneutralize((record[index.get(c) as number] ?? '').trim());
    if (isAssessmentRow(get('TrainingType'))) {
      assessmentRows.add(get, line);
      continue;
    }
    const facts = checkRow(get, line, org, format.dateOrder);
    if ('reason' in facts) {
      rejected.push(facts);
      rejectedMcids.add(get('MCPID'));
    } else groups.set(facts.mcid, [...(groups.get(facts.mcid) ?? []), facts]);
  }

  const profiles: ImportedProfile[] = [];
  for (const [mcid, rows] of groups) {
    const first = rows[0];
    const clash = rows.find((r) => r.firstName !== first.firstName || r.lastName !== first.lastName);
    if (clash) {
      rejected.push({ line: clash.line, reason: `the name differs from line ${first.line} for the same MCPID` });
      rejectedMcids.add(mcid);
    }
  }
  // An email under two MCPIDs: the "Use email@address" shortcut (R5) would lead to whichever was
  // written last, so neither is imported until the file says which profile the address is on.
  const firstWithEmail = new Map<string, RowFacts>();
  const emailClash = new Map<number, number>(); // line → the other line with the address
  for (const [mcid, rows] of groups) {
    for (const r of rows) {
      for (const e of r.emails) {
        const first = firstWithEmail.get(normalizeEmail(e));
        if (!first) firstWithEmail.set(normalizeEmail(e), r);
        else if (first.mcid !== mcid) {
          if (!emailClash.has(r.line)) emailClash.set(r.line, first.line);
          if (!emailClash.has(first.line)) emailClash.set(first.line, r.line);
          rejectedMcids.add(mcid).add(first.mcid);
        }
      }
    }
  }
  const alreadyRejected = new Set(rejected.map((r) => r.line));
  for (const [line, other] of emailClash) {
    if (!alreadyRejected.has(line)) rejected.push({ line, reason: `an email of this row is also on line ${other}, under another MCPID` });
  }
  // Lines of rejected rows, by MCPID: rows of a person with a rejected row are held back too.
  const rejectedLines = new Set(rejected.map((r) => r.line));
  for (const [mcid, rows] of groups) {
    if (rejectedMcids.has(mcid)) {
      for (const r of rows) if (!rejectedLines.has(r.line)) rejected.push({ line: r.line, reason: `not imported: another row of this MCPID was rejected` });
      continue;
    }
    const emails = [...new Map(rows.flatMap((r) => r.emails).map((e) => [normalizeEmail(e), e])).values()];
    const certs = new Map<string, Certification>();
    for (const r of rows) if (r.certification) certs.set(`${r.certification.title}|${r.certification.earnedOn}`, r.certification);
    profiles.push({ mcid, firstName: rows[0].firstName, lastName: rows[0].lastName, emails, certifications: [...certs.values()], lines: rows.map((r) => r.line) });
  }
  const { accounts, rejected: assessmentsRejected } = assessmentRows.finish();
  rejected.push(...assessmentsRejected);
  rejected.sort((a, b) => a.line - b.line);
  options.onProgress?.({ phase: 'checking', rows: totalRows, totalRows });
  return { ok: true, rowsRead: totalRows, profiles, accounts, rejected, format };
}

/**
 * Upserts the profiles of a checked file. Sign-in emails already known are
 * kept (the "Use email@address" shortcut relies on them); certifications are
 * replaced by the file's, which is the full list Partner Center holds.
 */
export async function importPartnerCenterExport(content: string | Buffer, org: string, profiles: ProfileStore, options: ImportOptions = {}): Promise<ImportReport> {
  const parsed = parsePartnerCenterExport(content, org, options);
  if (!parsed.ok) return parsed;
  const existing = await profiles.getMany(parsed.profiles.map((p) => p.mcid));
  const totalRows = rowsOf(parsed.profiles) + (options.assessments ? rowsOf(parsed.accounts) : 0);
  let imported = 0;
  for (const [i, p] of parsed.profiles.entries()) {
    options.onProgress?.({ phase: 'writing', rows: imported, totalRows });
    const before = existing[i];
    const emails = [...new Map([...(before?.emails ?? []), ...p.emails].map((e) => [normalizeEmail(e), e])).values()];
    const profile: CertificationProfile = { mcid: p.mcid, firstName: p.firstName, lastName: p.lastName, emails, certifications: p.certifications };
    await profiles.upsert(profile);
    options.onWritten?.(before ?? null, profile);
    imported += p.lines.length;
  }
  if (options.assessments) await writeAccounts(parsed.accounts, options.assessments);
  const accountsWritten = options.assessments ? parsed.accounts.length : 0;
  imported += rowsOf(parsed.accounts.slice(0, accountsWritten));
  options.onProgress?.({ phase: 'writing', rows: imported, totalRows });
  return {
    ok: true,
    rowsRead: parsed.rowsRead,
    imported,
    rejected: parsed.rejected,
    profilesWritten: parsed.profiles.length,
    mcids: parsed.profiles.map((p) => p.mcid),
    accountsWritten,
    format: parsed.format,
  };
}

/** Rows that make up these profiles. */
export function rowsOf(profiles: readonly { lines: number[] }[]): number {
  return profiles.reduce((n, p) => n + p.lines.length, 0);
}
