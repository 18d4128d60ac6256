/**
 * The assessments of Partner University accounts, as Partner Center's export lists them
 * (rows of TrainingType "Assessment", docs/DATA-FORMATS.md). Kept per account, whoever linked
 * it: they show only for a person whose Partner University link names the account, so an
 * account nobody linked shows nowhere, and a removed link stops showing them.
 */
import { DocumentStore } from '../kv/documentStore';

export interface UniversityAssessment {
  title: string;
  /** YYYY-MM-DD */
  completedOn: string;
  /** YYYY-MM-DD, when the assessment has one. */
  expiresOn?: string;
}

/** One document per account, on the document store (memory or Redis: one key each, so one slot each). */
export class UniversityAssessmentStore {
  constructor(private readonly documents: DocumentStore) {}

  private key(account: string): string {
    return `universityAssessments:${account.trim().toLowerCase()}`;
  }

  async getMany(accounts: readonly string[]): Promise<UniversityAssessment[][]> {
    const keys = accounts.map((a) => this.key(a));
    const found = await this.documents.read([...new Set(keys)]);
    return keys.map((k) => (found.get(k)?.value as UniversityAssessment[] | undefined) ?? []);
  }

  async get(account: string): Promise<UniversityAssessment[]> {
    return (await this.getMany([account]))[0];
  }

  /** The file's list is the whole list Partner Center holds for the account. */
  async replace(account: string, assessments: readonly UniversityAssessment[]): Promise<void> {
    if (assessments.length === 0) await this.documents.delete([this.key(account)]);
    else await this.documents.write(this.key(account), assessments, '*');
  }
}
