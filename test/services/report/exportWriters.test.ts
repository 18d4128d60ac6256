import { strict as assert } from 'node:assert';
import { PassThrough, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { csvField, neutralizeCell, writeCsv, writeCsvChunks, writeXlsx } from '../../../services/report/exportWriters';
import { REPORT_COLUMNS, ReportRow } from '../../../services/report/reportColumns';

function row(over: Partial<ReportRow>): ReportRow {
  const base = Object.fromEntries(REPORT_COLUMNS.map((c) => [c, ''])) as ReportRow;
  return { ...base, MCPID: '10203040', MpnId: '1234567', PartnerName: 'Contoso', ...over };
}

async function* from<T>(items: T[]): AsyncIterable<T> {
  for (const x of items) yield x;
}

class Collector extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void) {
    this.chunks.push(chunk);
    cb();
  }
  get buffer() {
    return Buffer.concat(this.chunks);
  }
}

const rows = [
  row({ IndividualFirstName: '=HYPERLINK("http://evil.example","x")', IndividualLastName: '+Durand', TrainingTitle: '@SUM(A1)' }),
  row({ IndividualFirstName: 'Benoît', IndividualLastName: 'Lefèvre, "Ben"', TrainingTitle: '-1+2', Email: '\tcmd' }),
  row({ IndividualFirstName: 'Chloé', IndividualLastName: 'Line\r\nbreak', CorpEmail: '\rx' }),
];

describe('export writers', () => {
  it('neutralizes formula starts and only those', () => {
    for (const s of ['=1', '+1', '-1', '@x', '\tx', '\rx']) assert.equal(neutralizeCell(s), `'${s}`);
    for (const s of ['Alice', '', '1=1', " 'x", '2026-01-01']) assert.equal(neutralizeCell(s), s);
    assert.equal(csvField('a"b'), '"a""b"');
    assert.equal(csvField('=a,b'), `"'=a,b"`);
    assert.equal(csvField('Alice'), '"Alice"', 'every field quoted');
  });

  it('neutralizes a formula after a separator inside a cell, and full-width formula starts', () => {
    assert.equal(neutralizeCell('Bob;=1+1'), "Bob;'=1+1");
    assert.equal(neutralizeCell('a,@SUM(A1)|+x'), "a,'@SUM(A1)|'+x");
    assert.equal(neutralizeCell('\uFF1DHYPERLINK("http://evil.example")'), '\'\uFF1DHYPERLINK("http://evil.example")');
    assert.equal(neutralizeCell('Jean-Pierre; Marie'), 'Jean-Pierre; Marie');
  });

  it('gives French Excel no formula when it splits a line on semicolons (the attack)', async () => {
    const out = new Collector();
    const attack = [row({ IndividualFirstName: 'Bob;=1+1', IndividualLastName: 'x;\uFF1Dcmd', TrainingTitle: 'T;@A1;-2+3' })];
    await writeCsv(from(attack), out);
    const line = out.buffer.toString('utf8').split('\r\n')[1];
    // Excel set to ";" ignores the commas and reads each piece between semicolons as a cell.
    for (const piece of line.split(';')) {
      const cell = piece.replace(/^"|"$/g, '');
      assert.ok(!/^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell), `a cell French Excel would run: ${cell}`);
    }
  });

  it('writes RFC 4180 CSV with a BOM, CRLF and neutralized cells that parse back', async () => {
    const out = new Collector();
    await writeCsv(from(rows), out);
    const buf = out.buffer;
    assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const text = buf.toString('utf8').slice(1);
    assert.ok(text.startsWith(`${REPORT_COLUMNS.map((c) => `"${c}"`).join(',')}\r\n`));
    assert.ok(text.endsWith('\r\n'));
    const parsed = parse(text, { columns: true }) as ReportRow[];
    assert.equal(parsed.length, 3);
    assert.equal(parsed[0].IndividualFirstName, `'=HYPERLINK("http://evil.example","x")`);
    assert.equal(parsed[0].IndividualLastName, "'+Durand");
    assert.equal(parsed[0].TrainingTitle, "'@SUM(A1)");
    assert.equal(parsed[1].IndividualFirstName, 'Benoît');
    assert.equal(parsed[1].IndividualLastName, 'Lefèvre, "Ben"');
    assert.equal(parsed[1].TrainingTitle, "'-1+2");
    assert.equal(parsed[1].Email, "'\tcmd");
    assert.equal(parsed[2].IndividualLastName, 'Line\r\nbreak');
    assert.equal(parsed[2].CorpEmail, "'\rx");
    // No line starts with a bare formula character once quoting is undone.
    for (const r of parsed) for (const v of Object.values(r)) assert.ok(!/^[=+\-@\t\r]/.test(v), v);
  });

  it('waits for drain when the output is slow, and still writes everything', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => row({ MCPID: String(100000 + i), TrainingTitle: 'x'.repeat(50) }));
    let drains = 0;
    const slow = new PassThrough({ highWaterMark: 1024 });
    slow.on('drain', () => drains++);
    const received: Buffer[] = [];
    const reading = (async () => {
      for await (const c of slow) {
        received.push(c as Buffer);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await writeCsv(from(many), slow);
    await reading;
    const lines = Buffer.concat(received).toString('utf8').split('\r\n');
    assert.equal(lines.length, 5002, 'header + rows + trailing empty');
    assert.ok(drains > 0, 'the writer waited for drain at least once');
  });

  it('writes preformatted chunks after the BOM and header, waiting for drain, each chunk whole', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => `${i},${'y'.repeat(2000)}\r\n`);
    const slow = new PassThrough({ highWaterMark: 1024 });
    let drains = 0;
    slow.on('drain', () => drains++);
    const received: Buffer[] = [];
    const reading = (async () => {
      for await (const c of slow) {
        received.push(c as Buffer);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await writeCsvChunks(from(['', ...chunks]), slow, ['a', '=b']);
    await reading;
    const text = Buffer.concat(received).toString('utf8');
    assert.equal(text, `\uFEFF"a","'=b"\r\n${chunks.join('')}`, 'header cells quoted and neutralized too, empty chunks skipped');
    assert.ok(drains > 0, 'the writer waited for drain at least once');
  });

  it('stops with an error when the output is destroyed mid-export (the client went away)', async () => {
    const out = new PassThrough({ highWaterMark: 16 });
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield 'x\r\n'.repeat(100);
      }
    }
    const writing = writeCsvChunks(endless(), out);
    // Nobody reads: the writer is waiting for drain when the client disappears.
    setImmediate(() => out.destroy());
    await assert.rejects(writing, /closed before the export finished/);
    assert.ok(pulled <= 1, `stopped pulling chunks (pulled ${pulled})`);
  });

  it('writes a readable .xlsx with the same neutralization', async () => {
    const out = new Collector();
    await writeXlsx(from(rows), out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.buffer as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0];
    assert.equal(sheet.getRow(1).getCell(1).value, 'MCPID');
    assert.equal(sheet.getRow(1).getCell(13).value, 'AssociationStartDate');
    assert.equal(sheet.getRow(2).getCell(2).value, `'=HYPERLINK("http://evil.example","x")`);
    assert.equal(sheet.getRow(3).getCell(2).value, 'Benoît');
    assert.equal(sheet.getRow(3).getCell(6).value, "'-1+2");
    assert.equal(sheet.rowCount, 4);
  });
});
