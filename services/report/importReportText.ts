/** What `npm run import` prints about an import or a checked file. */
import { DELIMITER_NAMES, ImportReport, ParsedExport, rowsOf } from './partnerCenterImport';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The lines the CLI prints: for an import (what was written), or for a checked file that was not
 * imported (what an import would do). Reasons never quote names or emails.
 */
export function formatImportReport(report: ImportReport | ParsedExport, file: string): string[] {
  if (!report.ok) return [`${file}: nothing imported. ${report.error}`];
  const { delimiter, dateOrder } = report.format;
  const separator = DELIMITER_NAMES[delimiter];
  const rejected = count(report.rejected.length, 'row rejected', 'rows rejected');
  const accounts = 'profiles' in report ? report.accounts.length : report.accountsWritten;
  const university = accounts > 0 ? `, ${count(accounts, 'Partner University account', 'Partner University accounts')} with assessments` : '';
  const outcome =
    'profiles' in report
      ? `would import ${count(rowsOf(report.profiles), 'row', 'rows')} (${count(report.profiles.length, 'person', 'people')}${university}), ${rejected}; nothing was written`
      : `imported ${count(report.imported, 'row', 'rows')} (${count(report.profilesWritten, "person's profile", "people's profiles")} written${university}), ${rejected}`;
  return [
    `${file}: ${count(report.rowsRead, 'row', 'rows')} read: ${outcome}`,
    `Read as ${separator}-separated values, slash dates as ${dateOrder === 'mdy' ? 'month/day/year' : 'day/month/year'}`,
    ...report.rejected.map((r) => `  line ${r.line}: ${r.reason}`),
  ];
}
