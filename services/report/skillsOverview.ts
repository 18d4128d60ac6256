/**
 * The skills report tab's view of an org, built from the report's rows (one per certification
 * per person) as they stream: one entry per person with their certifications and each one's
 * state, how many certifications are in each state, and how many expire in each of the next
 * months. Pure: the caller gives the rows and "now".
 */
import { addDays } from '../clock';
import { ReportRow } from './reportColumns';

/** valid: not expired and not expiring soon (or never expires); expiring: within `expiringWithinDays`. */
export type CertificationState = 'valid' | 'expiring' | 'expired';

export interface OverviewCertification {
  title: string;
  type: string;
  /** YYYY-MM-DD, or '' when the report has none. */
  earnedOn: string;
  expiresOn: string;
  state: CertificationState;
}

export interface OverviewPerson {
  mcid: string;
  firstName: string;
  lastName: string;
  email: string;
  /** YYYY-MM-DD (UTC) the person's association with the org started. */
  linkedSince: string;
  certifications: OverviewCertification[];
}

/** Certifications (of the people counted) expiring in one calendar month (UTC), "YYYY-MM". */
export interface MonthCount {
  month: string;
  count: number;
}

export interface SkillsOverview {
  /** The first `maxPeople` people, in the order the rows came. */
  people: OverviewPerson[];
  /** More people than `maxPeople`: the counts below still cover everyone. */
  truncated: boolean;
  peopleCount: number;
  states: Record<CertificationState, number>;
  /** This month (from today) and the next `months - 1`, in order, zeros included. */
  expiriesByMonth: MonthCount[];
}

export interface OverviewOptions {
  now: Date;
  expiringWithinDays: number;
  months: number;
  maxPeople: number;
}

const monthOf = (isoDay: string) => isoDay.slice(0, 7);

/** "YYYY-MM" of `now`'s month and the `count - 1` after it (UTC). */
export function nextMonths(now: Date, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1)).toISOString().slice(0, 7));
  return out;
}

/** Accumulates rows one at a time (so a large org is never held as rows) and gives the overview. */
export class SkillsOverviewBuilder {
  /** Every person seen; null for those counted but not shown (past maxPeople). */
  private readonly byMcid = new Map<string, OverviewPerson | null>();
  private readonly people: OverviewPerson[] = [];
  private readonly states: Record<CertificationState, number> = { valid: 0, expiring: 0, expired: 0 };
  private readonly months: Map<string, number>;
  private readonly today: string;
  private readonly soonUntil: string;
  private truncated = false;
  private peopleCount = 0;

  constructor(private readonly options: OverviewOptions) {
    this.months = new Map(nextMonths(options.now, options.months).map((m) => [m, 0]));
    this.today = options.now.toISOString().slice(0, 10);
    this.soonUntil = addDays(options.now, options.expiringWithinDays).toISOString().slice(0, 10);
  }

  /** The state of a certification expiring on `expiresOn` (YYYY-MM-DD, '' for never), today. */
  stateOf(expiresOn: string): CertificationState {
    if (!expiresOn) return 'valid';
    if (expiresOn < this.today) return 'expired';
    return expiresOn <= this.soonUntil ? 'expiring' : 'valid';
  }

  add(row: ReportRow): void {
    let person = this.byMcid.get(row.MCPID);
    if (person === undefined) {
      this.peopleCount++;
      person = null;
      if (this.people.length < this.options.maxPeople) {
        person = { mcid: row.MCPID, firstName: row.IndividualFirstName, lastName: row.IndividualLastName, email: row.Email, linkedSince: row.AssociationStartDate, certifications: [] };
        this.people.push(person);
      } else this.truncated = true;
      this.byMcid.set(row.MCPID, person);
    }
    // A person with no certification has one row with empty training cells.
    if (!row.TrainingTitle) return;
    const state = this.stateOf(row.ExpirationDate);
    this.states[state]++;
    if (row.ExpirationDate && state !== 'expired') {
      const month = monthOf(row.ExpirationDate);
      const count = this.months.get(month);
      if (count !== undefined) this.months.set(month, count + 1);
    }
    person?.certifications.push({ title: row.TrainingTitle, type: row.TrainingType, earnedOn: row.TrainingCompletionDate, expiresOn: row.ExpirationDate, state });
  }

  result(): SkillsOverview {
    return {
      people: this.people,
      truncated: this.truncated,
      peopleCount: this.peopleCount,
      states: { ...this.states },
      expiriesByMonth: [...this.months].map(([month, count]) => ({ month, count })),
    };
  }
}

/** The overview of every row in `rows`. */
export async function skillsOverview(rows: AsyncIterable<ReportRow> | Iterable<ReportRow>, options: OverviewOptions): Promise<SkillsOverview> {
  const builder = new SkillsOverviewBuilder(options);
  for await (const row of rows) builder.add(row);
  return builder.result();
}
