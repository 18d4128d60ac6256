/**
 * What one verified person contributes to the report, in two shapes: ReportRow
 * objects (the .xlsx writer, tests) and CSV text built straight from the
 * record and profile (the download of a 300,000-line report). The CSV path
 * exists for speed: no object per row, each person's cells quoted once, titles,
 * types and dates quoted once per export. Both shapes hold the same cells;
 * reportLines.test.ts checks the CSV against writeCsv(rows) byte for byte.
 */
import { CurrentLink, McidRecord } from '../association/types';
import { Certification, CertificationProfile } from '../directory/types';
import { UniversityAssessment } from '../university/universityAssessments';
import { csvField } from './exportWriters';
import { ReportRow } from './reportColumns';

/** A person the per-MCID record says is linked to the org being reported. */
export interface ReportPerson {
  record: McidRecord & { link: CurrentLink };
  profile: CertificationProfile | null;
  /** The assessments of the Partner University account this person linked, if any. */
  assessments?: readonly UniversityAssessment[];
}

/** Partner Center's TrainingType for a Partner University assessment. */
export const ASSESSMENT_TYPE = 'Assessment';

/** A person's certifications, then their Partner University assessments, as the report's trainings. */
export function trainingsOf(p: ReportPerson): readonly Training[] {
  const certifications = p.profile?.certifications ?? [];
  if (!p.assessments || p.assessments.length === 0) return certifications;
  return [...certifications, ...p.assessments.map((a): Training => ({ title: a.title, type: ASSESSMENT_TYPE, earnedOn: a.completedOn, expiresOn: a.expiresOn }))];
}

export type Training = Pick<Certification, 'title' | 'earnedOn' | 'expiresOn'> & { type: string };

/** The org index is derived: only the record says whether the person is still linked to `mpnId`. */
export function verifiedPerson(mpnId: string, record: McidRecord | null, profile: CertificationProfile | null): ReportPerson | null {
  if (!record?.link || record.link.mpnId !== mpnId) return null;
  return { record: record as ReportPerson['record'], profile };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const DAY_MS = 86_400_000;
/** UTC day number -> "YYYY-MM-DD": every person's association start is an instant, and formatting one costs more than parsing it. */
const dayNames = new Map<number, string>();

/** The UTC day of a date or instant, as "YYYY-MM-DD"; a value that is neither is kept as typed. */
export function isoDay(value: string | undefined): string {
  if (!value) return '';
  if (ISO_DAY.test(value)) return value;
  const t = Date.parse(value);
  if (!Number.isFinite(t)) return value;
  const day = Math.floor(t / DAY_MS);
  let name = dayNames.get(day);
  if (name === undefined) {
    name = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size < 100_000) dayNames.set(day, name);
  }
  return name;
}

function activationStatus(c: Training, nowMs: number): string {
  return c.expiresOn !== undefined && Date.parse(c.expiresOn) < nowMs ? 'Expired' : 'Active';
}

/** The report's rows for one person: one per certification, or one with empty training cells. */
export function personRows(p: ReportPerson, mpnId: string, partnerName: string, now: Date): ReportRow[] {
  const { record, profile } = p;
  const person = {
    MCPID: record.mcid,
    IndividualFirstName: profile?.firstName ?? '',
    IndividualLastName: profile?.lastName ?? '',
    Email: profile?.emails[0] ?? '',
    CorpEmail: profile?.emails[1] ?? '',
    MpnId: mpnId,
    PartnerName: partnerName,
    AssociationStartDate: isoDay(record.link.since),
  };
  const certifications: readonly Training[] = trainingsOf(p);
  if (certifications.length === 0) {
    return [{ ...person, TrainingTitle: '', TrainingType: '', TrainingCompletionDate: '', ExpirationDate: '', ActivationStatus: '' }];
  }
  const nowMs = now.getTime();
  return certifications.map((c) => ({
    ...person,
    TrainingTitle: c.title,
    TrainingType: c.type,
    TrainingCompletionDate: isoDay(c.earnedOn),
    ExpirationDate: isoDay(c.expiresOn),
    ActivationStatus: activationStatus(c, nowMs),
  }));
}

/** Remembers up to `max` results: titles, types and dates repeat across an org, names do not. */
function memo(fn: (value: string) => string, max = 4096): (value: string) => string {
  const cache = new Map<string, string>();
  return (value) => {
    let out = cache.get(value);
    if (out === undefined) {
      out = fn(value);
      if (cache.size < max) cache.set(value, out);
    }
    return out;
  };
}

const ACTIVE = csvField('Active');
const EXPIRED = csvField('Expired');
const NO_VALUE = csvField('');

/**
 * Formats verified people as CSV lines (CRLF, RFC 4180, formulas neutralized) for one org and one instant,
 * in REPORT_COLUMNS order; test/services/report/reportLines.test.ts proves the bytes equal writeCsv(rows).
 */
export class ReportCsvFormatter {
  private readonly tailConstant: string;
  /** TrainingTitle, TrainingType, TrainingCompletionDate, ExpirationDate, ActivationStatus: empty. */
  private readonly emptyTraining = Array(5).fill(NO_VALUE).join(',');
  private readonly field = memo(csvField);
  private readonly day = memo((v) => csvField(isoDay(v)));
  private readonly status: (expiresOn: string) => string;

  constructor(mpnId: string, partnerName: string, now: Date) {
    this.tailConstant = `,${csvField(mpnId)},${csvField(partnerName)},`;
    const nowMs = now.getTime();
    this.status = memo((expiresOn) => (Date.parse(expiresOn) < nowMs ? EXPIRED : ACTIVE));
  }

  /** Every line of these people, in order, as one string. */
  format(people: readonly ReportPerson[]): string {
    let out = '';
    for (const p of people) {
      const { record, profile } = p;
      const emails = profile?.emails;
      const head = `${csvField(record.mcid)},${csvField(profile?.firstName ?? '')},${csvField(profile?.lastName ?? '')},` + `${csvField(emails?.[0] ?? '')},${csvField(emails?.[1] ?? '')},`;
      // `since` is an instant, unique per person: not worth a cache entry.
      const tail = `${this.tailConstant}${csvField(isoDay(record.link.since))}\r\n`;
      const certifications: readonly Training[] = trainingsOf(p);
      if (certifications.length === 0) {
        out += head + this.emptyTraining + tail;
        continue;
      }
      for (const c of certifications) {
        const status = c.expiresOn === undefined ? ACTIVE : this.status(c.expiresOn);
        out += `${head}${this.field(c.title)},${this.field(c.type)},${this.day(c.earnedOn)},` + `${c.expiresOn === undefined ? NO_VALUE : this.day(c.expiresOn)},${status}${tail}`;
      }
    }
    return out;
  }
}
