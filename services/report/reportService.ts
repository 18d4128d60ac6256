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
import { ReportRow } from './reportColumns';
import { indexedMember } from './reportIndexListener';
import { ReportIndexStore, TitleCount } from './reportIndexStore';

/** "Expiring soon" on the card. */
export const EXPIRING_WITHIN_DAYS = 90;

/** Batches fetched ahead of the one being written: hides Redis round trips without holding the org in memory. */
const READ_AHEAD_BATCHES = 3;

export interface ReportSummary {
  mpnId: string;
  linked: number;
  /** Linked less than CREDIT_DELAY_DAYS ago (R8): their credit may not show yet. */
  pendingCredit: number;
  /** Most held first, then by title. */
  byTitle: TitleCount[];
  /** Certifications expiring in the next EXPIRING_WITHIN_DAYS days, most first. */
  expiringSoon: TitleCount[];
  expiringSoonTotal: number;
  /** Nobody linked: show the R10 message. */
  empty: boolean;
}

export interface ReportServiceDeps {
  associations: AssociationStore;
  profiles: ProfileStore;
  index: ReportIndexStore;
  /** The org's display name for the PartnerName column. */
  partnerName: (mpnId: string) => string | null;
  /** People per round trip when reading rows (default 500). */
  batchSize?: number;
}

interface Batch {
  records: (McidRecord | null)[];
  profiles: (CertificationProfile | null)[];
}

const byCountThenTitle = (a: TitleCount, b: TitleCount) => b.count - a.count || a.title.localeCompare(b.title);

export class ReportService {
  private readonly batchSize: number;

  constructor(private readonly deps: ReportServiceDeps) {
    this.batchSize = deps.batchSize ?? 500;
  }

  async summary(mpnId: string, now: Date): Promise<ReportSummary> {
    const c = await this.deps.index.counters(mpnId, {
      pendingSince: addDays(now, -CREDIT_DELAY_DAYS).getTime() + 1,
      expiringFrom: now.getTime(),
      expiringTo: addDays(now, EXPIRING_WITHIN_DAYS).getTime(),
    });
    return {
      mpnId,
      linked: c.linked,
      pendingCredit: c.pendingCredit,
      byTitle: [...c.byTitle].sort(byCountThenTitle),
      expiringSoon: [...c.expiring].sort(byCountThenTitle),
      expiringSoonTotal: c.expiring.reduce((n, t) => n + t.count, 0),
      empty: c.linked === 0,
    };
  }

  /**
   * Every row of the org's report, a few batches of people in memory at a time:
   * the next batches are fetched while the current one is being written out.
   */
  async *rows(mpnId: string, now: Date): AsyncIterable<ReportRow> {
    const partnerName = this.deps.partnerName(mpnId) ?? '';
    const ahead: Promise<Batch>[] = [];
    for await (const mcids of this.deps.associations.scanOrgMembers(mpnId, this.batchSize)) {
      const next = this.load(mcids);
      // Awaited below; this only stops Node calling it unhandled while earlier batches are consumed.
      next.catch(() => undefined);
      ahead.push(next);
      if (ahead.length > READ_AHEAD_BATCHES) yield* batchRows(await (ahead.shift() as Promise<Batch>), mpnId, partnerName, now);
    }
    while (ahead.length > 0) yield* batchRows(await (ahead.shift() as Promise<Batch>), mpnId, partnerName, now);
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

  private async load(mcids: string[]): Promise<Batch> {
    const [records, profiles] = await Promise.all([this.deps.associations.getRecords(mcids), this.deps.profiles.getMany(mcids)]);
    return { records, profiles };
  }
}

function isoDay(value: string | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = Date.parse(value);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : value;
}

function* batchRows(batch: Batch, mpnId: string, partnerName: string, now: Date): Generator<ReportRow> {
  for (let i = 0; i < batch.records.length; i++) {
    const record = batch.records[i];
    // The org index is derived: only the record says whether the person is still linked here.
    if (!record?.link || record.link.mpnId !== mpnId) continue;
    const profile = batch.profiles[i];
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
    const certifications = profile?.certifications ?? [];
    if (certifications.length === 0) {
      yield { ...person, TrainingTitle: '', TrainingType: '', TrainingCompletionDate: '', ExpirationDate: '', ActivationStatus: '' };
      continue;
    }
    for (const c of certifications) {
      const expired = c.expiresOn !== undefined && Date.parse(c.expiresOn) < now.getTime();
      yield {
        ...person,
        TrainingTitle: c.title,
        TrainingType: c.type,
        TrainingCompletionDate: isoDay(c.earnedOn),
        ExpirationDate: isoDay(c.expiresOn),
        ActivationStatus: expired ? 'Expired' : 'Active',
      };
    }
  }
}
