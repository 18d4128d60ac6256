import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { McidRecord } from '../../../services/association/types';
import { CertificationProfile } from '../../../services/directory/types';
import { writeCsv, writeCsvChunks } from '../../../services/report/exportWriters';
import { REPORT_COLUMNS, ReportRow } from '../../../services/report/reportColumns';
import { isoDay, personRows, ReportCsvFormatter, ReportPerson, verifiedPerson } from '../../../services/report/reportLines';
import { ReportService } from '../../../services/report/reportService';
import { collect, contoso, fabrikam, world } from './fixtures';

class Collector extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void) {
    this.chunks.push(chunk);
    cb();
  }
  get text() {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

async function* from<T>(items: T[]): AsyncIterable<T> {
  for (const x of items) yield x;
}

async function viaRows(people: ReportPerson[], mpnId: string, partnerName: string, now: Date): Promise<string> {
  const out = new Collector();
  await writeCsv(from(people.flatMap((p) => personRows(p, mpnId, partnerName, now))), out);
  return out.text;
}

async function viaFormatter(people: ReportPerson[], mpnId: string, partnerName: string, now: Date): Promise<string> {
  const formatter = new ReportCsvFormatter(mpnId, partnerName, now);
  const out = new Collector();
  // Split in two batches: the formatter keeps caches across batches.
  const half = Math.floor(people.length / 2);
  await writeCsvChunks(from([formatter.format(people.slice(0, half)), formatter.format(people.slice(half))]), out);
  return out.text;
}

const MPN = '1234567';
const NOW = new Date('2026-03-01T09:00:00Z');

function linked(mcid: string, since: string): McidRecord {
  return {
    mcid,
    version: 1,
    link: { mpnId: MPN, tenantId: 't', userId: `u-${mcid}`, since, proof: 'email' },
    starts: [{ mpnId: MPN, at: since }],
    ended: [],
  };
}

// Text people type, weighted towards what breaks CSV and spreadsheets.
const nasty = fc.oneof(fc.string(), fc.fullUnicodeString({ maxLength: 8 }), fc.constantFrom('=1+1', '+33 1', '-x', '@SUM(A1)', '\tcmd', '\rx', 'a,b', 'say "hi"', 'line\r\nbreak', 'Lefèvre', ''));
const day = fc.oneof(
  fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z') }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z') }).map((d) => d.toISOString()),
  fc.constantFrom('not a date', '-5', '=NOW()', ''),
);
const certification = fc.record(
  { number: fc.string({ maxLength: 6 }), title: nasty, type: fc.constantFrom('certification' as const, 'exam' as const), earnedOn: day, expiresOn: day },
  { requiredKeys: ['number', 'title', 'type', 'earnedOn'] },
);
const person = fc
  .record({
    mcid: fc.stringMatching(/^[0-9]{8}$/),
    since: day.filter((d) => d !== ''),
    profile: fc.option(
      fc.record({
        firstName: nasty,
        lastName: nasty,
        emails: fc.array(nasty, { maxLength: 3 }),
        certifications: fc.array(certification, { maxLength: 4 }),
      }),
    ),
  })
  .map(({ mcid, since, profile }): ReportPerson => {
    const full: CertificationProfile | null = profile ? { mcid, ...profile } : null;
    return verifiedPerson(MPN, linked(mcid, since), full) as ReportPerson;
  });

describe('report lines', () => {
  it('the CSV formatter writes exactly what writeCsv writes from the rows, for any names, titles and dates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { maxLength: 12 }), nasty, async (people, partnerName) => {
        assert.equal(await viaFormatter(people, MPN, partnerName, NOW), await viaRows(people, MPN, partnerName, NOW));
      }),
      { numRuns: 300 },
    );
  });

  it('formatted lines parse back as RFC 4180 with every formula start neutralized', () => {
    const formatter = new ReportCsvFormatter(MPN, '=Partner', NOW);
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 8 }), (people) => {
        const text = `${REPORT_COLUMNS.join(',')}\r\n${formatter.format(people)}`;
        const rows = parse(text, { columns: true }) as ReportRow[];
        const expected = people.reduce((n, p) => n + Math.max(1, p.profile?.certifications.length ?? 0), 0);
        assert.equal(rows.length, expected);
        for (const r of rows) {
          assert.equal(r.PartnerName, "'=Partner");
          for (const v of Object.values(r)) assert.ok(!/^[=+\-@\t\r]/.test(v), JSON.stringify(v));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('isoDay gives the UTC day of any instant, the same as formatting it in full, and keeps what is not a date', () => {
    const reference = (v: string) => {
      const t = Date.parse(v);
      return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : v;
    };
    const samples = ['2026-01-01T24:00:00.000Z', '2026-03-01T23:59:59.999+02:00', '1969-12-31T23:59:59.999Z', '2026-02-30T00:00:00Z', 'x', '-5'];
    for (const v of samples) assert.equal(isoDay(v), reference(v), v);
    fc.assert(
      fc.property(fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }), (d) => {
        const v = d.toISOString();
        assert.equal(isoDay(v), reference(v));
        assert.equal(isoDay(v), isoDay(v), 'and again from the cache');
      }),
    );
    assert.equal(isoDay('2026-03-01'), '2026-03-01');
    assert.equal(isoDay(undefined), '');
  });

  it('verifiedPerson keeps only records that still name the org', () => {
    const record = linked('10203040', '2026-01-01T00:00:00Z');
    assert.ok(verifiedPerson(MPN, record, null));
    assert.equal(verifiedPerson('7654321', record, null), null, 'linked elsewhere');
    assert.equal(verifiedPerson(MPN, { ...record, link: null }, null), null, 'unlinked');
    assert.equal(verifiedPerson(MPN, null, null), null, 'no record at all');
  });
});

describe('ReportService.csvChunks', () => {
  async function fullCsv(chunks: AsyncIterable<string>): Promise<string> {
    const out = new Collector();
    await writeCsvChunks(chunks, out);
    return out.text;
  }

  async function rowsCsv(rows: AsyncIterable<ReportRow>): Promise<string> {
    const out = new Collector();
    await writeCsv(rows, out);
    return out.text;
  }

  it('is byte for byte the CSV of rows(), formula names neutralized, each org alone', async () => {
    const w = world();
    await w.link('10203040', contoso, 'alice');
    await w.link('10204151', contoso, 'benoit');
    await w.link('10205262', contoso, 'chloe');
    await w.link('10206373', fabrikam, 'evil');
    for (const org of [contoso, fabrikam]) {
      assert.equal(await fullCsv(w.reports.csvChunks(org.mpnId, w.clock.now())), await rowsCsv(w.reports.rows(org.mpnId, w.clock.now())));
    }
    const evil = parse((await fullCsv(w.reports.csvChunks(fabrikam.mpnId, w.clock.now()))).slice(1), { columns: true }) as ReportRow[];
    assert.deepEqual(
      evil.map((r) => [r.MCPID, r.IndividualFirstName, r.IndividualLastName]),
      [['10206373', `'=HYPERLINK("http://evil.example","x")`, "'+Durand"]],
    );
  });

  it('skips stale org index entries (moved or vanished records) and keeps scan order across batches', async () => {
    const w = world();
    await w.link('10203040', contoso, 'alice');
    await w.link('10204151', contoso, 'benoit');
    await w.link('10205262', contoso, 'chloe');
    // A crash after Alice's record moved to Fabrikam but before the index caught up.
    const records = (w.associations as unknown as { records: Map<string, string> }).records;
    const alice = JSON.parse(records.get('10203040') as string) as McidRecord;
    records.set('10203040', JSON.stringify({ ...alice, version: alice.version + 1, link: { ...alice.link, mpnId: fabrikam.mpnId } }));
    // And Chloé's record lost altogether: her index entry points at nothing.
    records.delete('10205262');

    const chunks = await collect(w.reports.csvChunks(contoso.mpnId, w.clock.now()));
    const rows = parse(chunks.join(''), { columns: [...REPORT_COLUMNS] }) as ReportRow[];
    assert.deepEqual([...new Set(rows.map((r) => r.MCPID))], ['10204151']);
    assert.deepEqual(await collect(w.reports.rows(contoso.mpnId, w.clock.now())).then((r) => r.map((x) => x.MCPID)), ['10204151']);
  });

  it('yields people in the order the index scan gives them, whatever the read-ahead', async () => {
    const w = world();
    for (const [mcid, who] of [
      ['10203040', 'alice'],
      ['10204151', 'benoit'],
      ['10205262', 'chloe'],
    ] as const)
      await w.link(mcid, contoso, who);
    const order: string[] = [];
    for await (const ids of w.associations.scanOrgMembers(contoso.mpnId, 1)) order.push(...ids);
    for (const readAheadBatches of [0, 1, 5]) {
      const reports = new ReportService({ associations: w.associations, profiles: w.profileStore, index: w.index, partnerName: () => 'Contoso', batchSize: 1, readAheadBatches });
      const people = (await collect(reports.people(contoso.mpnId))).flat().map((p) => p.record.mcid);
      assert.deepEqual(people, order, `read-ahead ${readAheadBatches}`);
    }
  });
});
