/**
 * The skills report tab's view of an org, built from the report's people as they stream in
 * batches (no row object per certification): one entry per person with their certifications and each one's
 * state, how many certifications are in each state, and how many expire in each of the next
 * months. Pure: the caller gives the rows and "now".
 */
import { addDays } from '../clock';
import { isoDay, ReportPerson, trainingsOf } from './reportLines';

/** valid: not expired and not expiring soon (or never expires); expiring: within `expiringWithinDays`. */
export type CertificationState = 'valid' | 'expiring' | 'expired';

/**
 * One certification, as a tuple (a 10,000-person org sends 30,000 of them): the index of its title
 * in SkillsOverview.titles, its type, the day it was earned and the day it expires (YYYY-MM-DD, ''
 * when none), and its state today.
 */
export type OverviewCertification = [title: number, type: string, earnedOn: string, expiresOn: string, state: CertificationState];

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
  /** Every certification title of the people shown, once; certifications name theirs by index. */
  titles: string[];
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

/** Accumulates people one at a time (only the first maxPeople are kept) and gives the overview. */
export class SkillsOverviewBuilder {
  private readonly seen = new Set<string>();
  private readonly titleIndex = new Map<string, number>();
  private readonly people: OverviewPerson[] = [];
  private readonly states: Record<CertificationState, number> = { valid: 0, expiring: 0, expired: 0 };
  private readonly months: Map<string, number>;
  private readonly today: string;
  private readonly soonUntil: string;
  private truncated = false;

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

  add(p: ReportPerson): void {
    const { record, profile } = p;
    // The org index may list a person twice while a link moves; the record is the same.
    if (this.seen.has(record.mcid)) return;
    this.seen.add(record.mcid);
    const shown = this.people.length < this.options.maxPeople;
    const certifications: OverviewCertification[] = [];
    // The Partner University assessments of a linked account count beside the certifications, as in the downloads.
    for (const c of trainingsOf(p)) {
      const expiresOn = isoDay(c.expiresOn);
      const state = this.stateOf(expiresOn);
      this.states[state]++;
      if (expiresOn && state !== 'expired') {
        const month = monthOf(expiresOn);
        const count = this.months.get(month);
        if (count !== undefined) this.months.set(month, count + 1);
      }
      if (shown) certifications.push([this.titleOf(c.title), c.type, isoDay(c.earnedOn), expiresOn, state]);
    }
    if (!shown) {
      this.truncated = true;
      return;
    }
    this.people.push({
      mcid: record.mcid,
      firstName: profile?.firstName ?? '',
      lastName: profile?.lastName ?? '',
      email: profile?.emails[0] ?? '',
      linkedSince: isoDay(record.link.since),
      certifications,
    });
  }

  private titleOf(title: string): number {
    let index = this.titleIndex.get(title);
    if (index === undefined) {
      index = this.titleIndex.size;
      this.titleIndex.set(title, index);
    }
    return index;
  }

  result(): SkillsOverview {
    return {
      titles: [...this.titleIndex.keys()],
      people: this.people,
      truncated: this.truncated,
      peopleCount: this.seen.size,
      states: { ...this.states },
      expiriesByMonth: [...this.months].map(([month, count]) => ({ month, count })),
    };
  }
}

/** The overview of every person in `batches`. */
export async function skillsOverview(batches: AsyncIterable<readonly ReportPerson[]> | Iterable<readonly ReportPerson[]>, options: OverviewOptions): Promise<SkillsOverview> {
  const builder = new SkillsOverviewBuilder(options);
  for await (const batch of batches) for (const person of batch) builder.add(person);
  return builder.result();
}
