/**
 * Streams report rows to a file format, one row at a time, waiting when the
 * output is full (backpressure), so a 300,000-row report never sits in memory.
 *
 * Every cell that a spreadsheet could read as a formula (it starts with
 * = + - @, a tab or a carriage return) gets a leading single quote (OWASP
 * "CSV injection"): names and titles are data typed by people.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { REPORT_COLUMNS } from './reportColumns';

export type ExportRow = Readonly<Record<string, string>>;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote a field holding a quote, comma, CR or LF; double the quotes inside. */
export function csvField(value: string): string {
  const safe = neutralizeCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onError);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new Error('The output closed before the export finished'));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onError);
  });
}

function finished(out: Writable): Promise<void> {
  if (out.writableFinished) return Promise.resolve();
  return new Promise((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
}

const CHUNK_CHARS = 64 * 1024;

/** CSV with a UTF-8 BOM (so Excel reads accents right), CRLF line ends, a header row; ends `out`. */
export async function writeCsv(rows: AsyncIterable<ExportRow>, out: Writable, columns: readonly string[] = REPORT_COLUMNS): Promise<void> {
  let chunk = `\uFEFF${columns.map(csvField).join(',')}\r\n`;
  const flush = async () => {
    if (out.destroyed) throw new Error('The output closed before the export finished');
    const ok = out.write(chunk, 'utf8');
    chunk = '';
    if (!ok) await waitForDrain(out);
  };
  for await (const row of rows) {
    chunk += `${columns.map((c) => csvField(row[c] ?? '')).join(',')}\r\n`;
    if (chunk.length >= CHUNK_CHARS) await flush();
  }
  await flush();
  out.end();
  await finished(out);
}

/** .xlsx through exceljs's streaming writer: rows are committed as they come; ends `out`. */
export async function writeXlsx(
  rows: AsyncIterable<ExportRow>,
  out: Writable,
  columns: readonly string[] = REPORT_COLUMNS,
  sheetName = 'Report',
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...columns]).commit();
  for await (const row of rows) {
    sheet.addRow(columns.map((c) => neutralizeCell(row[c] ?? ''))).commit();
    if (out.writableNeedDrain) await waitForDrain(out);
  }
  sheet.commit();
  await workbook.commit();
  await finished(out);
}
