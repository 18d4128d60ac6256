/**
 * The skills report of one org: the card's summary from counters (no scan),
 * and the full rows for a download, read in pipelined batches and verified
 * against each per-MCID record, so a stale index entry never shows a person
 * who has left.
 *
 * This service does not check roles: callers go through AdminActions (chat)
 * or the signed download route, which both check the requester is an admin of
 * exactly this org.
 */
import { CREDIT_DELAY_DAYS } from '../association/associationRules';
import { AssociationStore } from '../association/associationStore';
import { McidRecord } from '../association/types';
import { addDays } from '../clock';
import { ProfileStore } from '../directory/profileStore';
import { CertificationProfile } from '../directory/types';
import type { UniversityAssessmentStore } from '../university/universityAssessments';
import type { UniversityService } from '../university/universityService';
import { ReportRow } from './reportColumns';
import { personRows, ReportCsvFormatter, ReportPerson, verifiedPerson } from './reportLines';
import { indexedMember } from './reportIndexListener';
import { ReportIndexStore, TitleCount } from './reportIndexStore';

/** "Expiring soon" on the card. */
export const EXPIRING_WITHIN_DAYS = 90;

/**
 * People per round trip when reading rows (two pipelined GETs each). Measured
 * with bench/reportBench.ts (100,000 people): 250 to 2,000 cost the same CPU,
 * while the bot's peak RSS grows with the batch (about 165 MB at 250, 175 at
 * 500, 190-210 at 1,000, 245 at 2,000), because a batch in flight outlives
 * young-generation collections and is promoted.
 */
export const DEFAULT_BATCH_SIZE = 500;
/**
 * Batches fetched while the current one is formatted and written. One is
 * enough to hide a round trip (a batch takes ~10 ms to format and send);
 * more only keeps more in memory (about +6 MB of peak RSS per extra batch).
 */
export const DEFAULT_READ_AHEAD_BATCHES = 1;

export interface ReportSummary {
  mpnId: string;
  linked: number;
  /** Linked less than CREDIT_DELAY_DAYS ago (R8): their credit may not show yet. */
  pendingCredit: number;
  /** Certifications held now (not expired), most held first, then by title. */
  byTitle: TitleCount[];
  /** Certifications expiring in the next EXPIRING_WITHIN_DAYS days, most first. */
  expiringSoon: TitleCount[];
  expiringSoonTotal: number;
  /** Certifications of linked people that have expired: not in byTitle (the download lists them with their dates). */
  expired: number;
  /** Nobody linked: show the R10 message. */
  empty: boolean;
}

export interface ReportServiceDeps {
  associations: AssociationStore;
  profiles: ProfileStore;
  index: ReportIndexStore;
  /** The org's display name for the PartnerName column. */
  partnerName: (mpnId: string) => string | null;
  /** People per round trip when reading rows (default DEFAULT_BATCH_SIZE). */
  batchSize?: number;
  /** Batches in flight ahead of the one being written (default DEFAULT_READ_AHEAD_BATCHES). */
  readAheadBatches?: number;
  /** Partner University links and their accounts' assessments: a linked account's assessments are rows too. */
  university?: { links: Pick<UniversityService, 'getMany'>; assessments: Pick<UniversityAssessmentStore, 'getMany'> };
}

interface Batch {
  records: (McidRecord | null)[];
  profiles: (CertificationProfile | null)[];
}

const byCountThenTitle = (a: TitleCount, b: TitleCount) => b.count - a.count || a.title.localeCompare(b.title);

export class ReportService {
  private readonly batchSize: number;
  private readonly readAhead: number;

  constructor(private readonly deps: ReportServiceDeps) {
    this.batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
    this.readAhead = deps.readAheadBatches ?? DEFAULT_READ_AHEAD_BATCHES;
  }

  async summary(mpnId: string, now: Date): Promise<ReportSummary> {
    const c = await this.deps.index.counters(mpnId, {
      pendingSince: addDays(now, -CREDIT_DELAY_DAYS).getTime() + 1,
      expiringFrom: now.getTime(),
      expiringTo: addDays(now, EXPIRING_WITHIN_DAYS).getTime(),
      heldAt: now.getTime(),
    });
    return {
      mpnId,
      linked: c.linked,
      pendingCredit: c.pendingCredit,
      byTitle: [...c.byTitle].sort(byCountThenTitle),
      expiringSoon: [...c.expiring].sort(byCountThenTitle),
      expiringSoonTotal: c.expiring.reduce((n, t) => n + t.count, 0),
      expired: c.expired,
      empty: c.linked === 0,
    };
  }

  /**
   * The org's verified people, one batch per round trip, a few batches in
   * memory at a time: the next batches are fetched while the current one is
   * being written out. Entries whose record no longer names this org are skipped.
   */
  async *people(mpnId: string): AsyncIterable<ReportPerson[]> {
    const ahead: Promise<ReportPerson[]>[] = [];
    const verified = async (mcids: string[]) => {
      const { records, profiles } = await this.load(mcids);
      const out: ReportPerson[] = [];
      for (let i = 0; i < records.length; i++) {
        const p = verifiedPerson(mpnId, records[i], profiles[i]);
        if (p) out.push(p);
      }
      return this.withAssessments(out);
    };
    for await (const mcids of this.deps.associations.scanOrgMembers(mpnId, this.batchSize)) {
      const next = verified(mcids);
      // Awaited below; this only stops Node calling it unhandled while earlier batches are consumed.
      next.catch(() => undefined);
      ahead.push(next);
      if (ahead.length > this.readAhead) yield await (ahead.shift() as Promise<ReportPerson[]>);
    }
    while (ahead.length > 0) yield await (ahead.shift() as Promise<ReportPerson[]>);
  }

  /** Every row of the org's report as objects (the .xlsx download). */
  async *rows(mpnId: string, now: Date): AsyncIterable<ReportRow> {
    const partnerName = this.deps.partnerName(mpnId) ?? '';
    for await (const batch of this.people(mpnId)) {
      for (const p of batch) yield* personRows(p, mpnId, partnerName, now);
    }
  }

  /**
   * The report's CSV lines (no BOM, no header: see writeCsvChunks), one string
   * per batch of people, so a 300,000-line report costs a few hundred writes
   * and no object per line.
   */
  async *csvChunks(mpnId: string, now: Date): AsyncIterable<string> {
    const formatter = new ReportCsvFormatter(mpnId, this.deps.partnerName(mpnId) ?? '', now);
    for await (const batch of this.people(mpnId)) yield formatter.format(batch);
  }

  /** Recounts an org from the source of truth (after an import, or if the counters are suspected stale). */
  async rebuildIndex(mpnId: string): Promise<number> {
    await this.deps.index.clear(mpnId);
    let counted = 0;
    for await (const mcids of this.deps.associations.scanOrgMembers(mpnId, this.batchSize)) {
      const { records, profiles } = await this.load(mcids);
      await Promise.all(
        records.map(async (record, i) => {
          if (record?.link?.mpnId !== mpnId) return;
          if (await this.deps.index.add(mpnId, record.mcid, indexedMember(record.link, profiles[i]))) counted++;
        }),
      );
    }
    return counted;
  }

  /** Two reads a batch: the people's Partner University links, then their accounts' assessments. */
  private async withAssessments(people: ReportPerson[]): Promise<ReportPerson[]> {
    const university = this.deps.university;
    if (!university || people.length === 0) return people;
    const links = await university.links.getMany(people.map((p) => ({ tenantId: p.record.link.tenantId, userId: p.record.link.userId })));
    const linked = people.flatMap((p, i) => {
      const link = links[i];
      return link ? [{ p, account: link.account }] : [];
    });
    const assessments = await university.assessments.getMany(linked.map((l) => l.account));
    linked.forEach((l, i) => (l.p.assessments = assessments[i]));
    return people;
  }

  private async load(mcids: string[]): Promise<Batch> {
    const [records, profiles] = await Promise.all([this.deps.associations.getRecords(mcids), this.deps.profiles.getMany(mcids)]);
    return { records, profiles };
  }
}
