/**
 * Partner University assessment rows of Partner Center's export: TrainingType "Assessment",
 * the Partner University account (its sign-in name, as the Partner University link stores it)
 * in Email, MCPID and names may be empty. Rows group by account, whose assessments become
 * those of the file; an account with any rejected row is left as it was.
 */
import { UniversityAssessment, UniversityAssessmentStore } from '../university/universityAssessments';
import { parseExportDate } from './partnerCenterImport';
import type { DateOrder, Rejection } from './partnerCenterImport';

const ACCOUNT = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export interface ImportedAccount {
  account: string;
  assessments: UniversityAssessment[];
  lines: number[];
}

export const isAssessmentRow = (trainingType: string): boolean => trainingType.trim().toLowerCase() === 'assessment';

type Cell = 'MCPID' | 'Email' | 'TrainingTitle' | 'TrainingCompletionDate' | 'ExpirationDate' | 'MpnId';

export class AssessmentRows {
  private readonly byAccount = new Map<string, { account: string; rows: { line: number; assessment: UniversityAssessment }[] }>();
  private readonly rejectedAccounts = new Set<string>();
  private readonly rejected: Rejection[] = [];

  constructor(
    private readonly org: string,
    private readonly slashOrder: DateOrder,
  ) {}

  add(get: (c: Cell) => string, line: number): void {
    const account = get('Email');
    const reason = this.check(get, account);
    if (typeof reason === 'string') {
      this.rejected.push({ line, reason });
      this.rejectedAccounts.add(account.toLowerCase());
      return;
    }
    const group = this.byAccount.get(account.toLowerCase()) ?? { account, rows: [] };
    group.rows.push({ line, assessment: reason });
    this.byAccount.set(account.toLowerCase(), group);
  }

  private check(get: (c: Cell) => string, account: string): string | UniversityAssessment {
    const mpnId = get('MpnId');
    if (mpnId !== this.org) return `MpnId ${mpnId || '(empty)'} is not the organization being imported (${this.org})`;
    if (!ACCOUNT.test(account)) return 'an Assessment row needs the Partner University account (its sign-in name) in Email';
    const mcid = get('MCPID');
    if (mcid && !/^\d{4,12}$/.test(mcid)) return 'MCPID must be empty or 4 to 12 digits';
    const title = get('TrainingTitle');
    if (!title) return 'an Assessment row needs a TrainingTitle';
    const forms = `YYYY-MM-DD, ${this.slashOrder === 'mdy' ? 'M/D/YYYY' : 'D/M/YYYY'} or D.M.YYYY`;
    const completedOn = parseExportDate(get('TrainingCompletionDate'), this.slashOrder);
    if (!completedOn) return `TrainingCompletionDate is not a date (${forms})`;
    const expiration = get('ExpirationDate');
    if (!expiration) return { title, completedOn };
    const expiresOn = parseExportDate(expiration, this.slashOrder);
    if (!expiresOn) return `ExpirationDate is not a date (${forms})`;
    if (expiresOn < completedOn) return 'ExpirationDate is before TrainingCompletionDate';
    return { title, completedOn, expiresOn };
  }

  /** The accounts to write, and the rejections (rows of an account with a rejected row are held back). */
  finish(): { accounts: ImportedAccount[]; rejected: Rejection[] } {
    const rejected = [...this.rejected];
    const accounts: ImportedAccount[] = [];
    for (const [key, { account, rows }] of this.byAccount) {
      if (this.rejectedAccounts.has(key)) {
        for (const r of rows) rejected.push({ line: r.line, reason: 'not imported: another row of this Partner University account was rejected' });
        continue;
      }
      const unique = new Map(rows.map((r) => [`${r.assessment.title}|${r.assessment.completedOn}`, r.assessment]));
      accounts.push({ account, assessments: [...unique.values()], lines: rows.map((r) => r.line) });
    }
    return { accounts, rejected };
  }
}

/** Writes each account's assessments (the file's whole list for it). */
export async function writeAccounts(accounts: readonly ImportedAccount[], store: UniversityAssessmentStore): Promise<void> {
  for (const a of accounts) await store.replace(a.account, a.assessments);
}
