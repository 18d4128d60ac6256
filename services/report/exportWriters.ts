/**
 * Streams report rows to a file format, one row at a time, waiting when the
 * output is full (backpressure), so a 300,000-row report never sits in memory.
 *
 * Names and titles are data typed by people, so no cell may reach a spreadsheet as a formula
 * (OWASP "CSV injection"): every CSV field is quoted, and a formula start (= + - @, their
 * full-width forms, a tab or a carriage return) gets a single quote before it, at the start of
 * the cell and after a separator inside it, because a spreadsheet may split the file on another
 * separator than the comma (French Excel splits `Bob;=1+1` on the semicolon, quotes or not).
 */
import { Writable } from 'node:stream';
import { REPORT_COLUMNS } from './reportColumns';

export type ExportRow = Readonly<Record<string, string>>;

/** A formula start at the start of the cell, or after a separator some spreadsheet may split on. */
const FORMULA_START = /(^|[,;\t\r\n|])([=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;
const MAY_START_FORMULA = /[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutralizeCell(value: string): string {
  return MAY_START_FORMULA.test(value) ? value.replace(FORMULA_START, "$1'$2") : value;
}

/** RFC 4180, every field quoted; quotes inside are doubled. */
export function csvField(value: string): string {
  return `"${neutralizeCell(value).replace(/"/g, '""')}"`;
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

/** Groups rows into CSV text of about CHUNK_CHARS characters. */
async function* csvText(rows: AsyncIterable<ExportRow>, columns: readonly string[]): AsyncIterable<string> {
  let chunk = '';
  for await (const row of rows) {
    chunk += `${columns.map((c) => csvField(row[c] ?? '')).join(',')}\r\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** CSV with a UTF-8 BOM (so Excel reads accents right), CRLF line ends, a header row; ends `out`. */
export function writeCsv(rows: AsyncIterable<ExportRow>, out: Writable, columns: readonly string[] = REPORT_COLUMNS): Promise<void> {
  return writeCsvChunks(csvText(rows, columns), out, columns);
}

/**
 * The same file from text already formatted as whole CSV lines (each chunk
 * ends with CRLF, cells quoted with csvField): BOM and header first, each
 * chunk written as it comes, waiting for drain when `out` is full; ends `out`.
 */
export async function writeCsvChunks(chunks: AsyncIterable<string>, out: Writable, columns: readonly string[] = REPORT_COLUMNS): Promise<void> {
  const write = async (text: string) => {
    if (out.destroyed) throw new Error('The output closed before the export finished');
    if (!out.write(text, 'utf8')) await waitForDrain(out);
  };
  await write(`\uFEFF${columns.map(csvField).join(',')}\r\n`);
  for await (const chunk of chunks) if (chunk.length > 0) await write(chunk);
  out.end();
  await finished(out);
}

/**
 * .xlsx through exceljs's streaming writer: rows are committed as they come; ends `out`.
 * exceljs is loaded on the first Excel download, not at start: it costs a bot
 * process about 25 MB of memory that a process serving only CSV never needs.
 */
export async function writeXlsx(rows: AsyncIterable<ExportRow>, out: Writable, columns: readonly string[] = REPORT_COLUMNS, sheetName = 'Report'): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
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
