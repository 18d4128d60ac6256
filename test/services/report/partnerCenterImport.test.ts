import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryProfileStore } from '../../../services/memory/memoryProfileStore';
import { importPartnerCenterExport, ImportProgress, parseExportDate, parsePartnerCenterExport } from '../../../services/report/partnerCenterImport';
import { formatImportReport } from '../../../services/report/importReportText';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const sample = readFileSync(path.join(root, 'data', 'partner-center-export.sample.csv'));
const badRows = readFileSync(path.join(root, 'test', 'fixtures', 'partner-center-export.bad-rows.csv'));
const ORG = '1234567';

describe('Partner Center import', () => {
  it('imports the shipped sample: every row, accents intact, grouped by MCPID', async () => {
    const profiles = new MemoryProfileStore();
    const report = await importPartnerCenterExport(sample, ORG, profiles);
    assert.ok(report.ok);
    assert.deepEqual([report.rowsRead, report.imported, report.rejected.length, report.profilesWritten], [15, 15, 0, 9]);
    const elodie = await profiles.get('10206373');
    assert.equal(elodie?.firstName, 'Élodie');
    assert.equal(elodie?.certifications.length, 3);
    const helene = await profiles.get('10209606');
    assert.equal(helene?.lastName, 'Çelik');
    assert.deepEqual(
      helene?.certifications.map((c) => [c.earnedOn, c.expiresOn]),
      [
        ['2025-03-14', '2026-03-14'],
        ['2025-08-01', '2026-08-01'],
      ],
    );
    assert.deepEqual((await profiles.get('10208595'))?.certifications, [], 'a person without training');
    assert.deepEqual((await profiles.findByEmail('alice.martin@contoso.fr'))?.mcid, '10203040');
    assert.equal((await profiles.get('10211828'))?.certifications.find((c) => c.type === 'exam')?.number, 'AZ-305');
  });

  it('rejects bad rows with their line numbers and reasons, and imports the rest', async () => {
    const profiles = new MemoryProfileStore();
    const report = await importPartnerCenterExport(badRows, ORG, profiles);
    assert.ok(report.ok);
    assert.equal(report.rowsRead, 9);
    assert.equal(report.imported, 1);
    assert.equal(report.imported + report.rejected.length, 9, 'the multi-line record counts once');
    assert.deepEqual(
      report.rejected.map((r) => r.line),
      [3, 4, 5, 6, 7, 9, 10, 11],
    );
    const reason = (line: number) => report.rejected.find((r) => r.line === line)?.reason ?? '';
    assert.match(reason(3), /MCPID/);
    assert.match(reason(4), /TrainingCompletionDate/);
    assert.match(reason(5), /another row of this MCPID/);
    assert.match(reason(6), /MpnId 7654321 is not the organization/);
    assert.match(reason(7), /not a valid address/);
    assert.match(reason(9), /TrainingType/);
    assert.match(reason(10), /expected 12 columns, found 4/);
    assert.match(reason(11), /before TrainingCompletionDate/);
    assert.equal(await profiles.get('10204151'), null, 'Benoît has a rejected row: not half-imported');
    assert.equal(await profiles.get('10205262'), null, 'a row of another org is not imported');
    assert.equal((await profiles.get('10203040'))?.certifications.length, 1);

    const lines = formatImportReport(report, 'bad.csv');
    assert.equal(lines[0], "bad.csv: 9 rows read: imported 1 row (1 person's profile written), 8 rows rejected");
    assert.ok(lines.includes('  line 6: MpnId 7654321 is not the organization being imported (1234567)'));
    assert.ok(!lines.join('\n').includes('@'), 'no emails in the printed report');
  });

  it('says what an import would do for a file only checked, and reports its progress row by row', async () => {
    const seen: ImportProgress[] = [];
    const checked = parsePartnerCenterExport(badRows, ORG, { onProgress: (p) => seen.push({ ...p }) });
    assert.equal(formatImportReport(checked, 'bad.csv')[0], 'bad.csv: 9 rows read: would import 1 row (1 person), 8 rows rejected; nothing was written');
    assert.deepEqual(
      seen.map((p) => p.rows),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.ok(seen.every((p) => p.phase === 'checking' && p.totalRows === 9));

    const writes: ImportProgress[] = [];
    await importPartnerCenterExport(sample, ORG, new MemoryProfileStore(), { onProgress: (p) => p.phase === 'writing' && writes.push({ ...p }) });
    assert.deepEqual(writes[0], { phase: 'writing', rows: 0, totalRows: 15 });
    assert.deepEqual(writes[writes.length - 1], { phase: 'writing', rows: 15, totalRows: 15 });
    assert.ok(
      writes.every((p, i) => i === 0 || p.rows >= writes[i - 1].rows),
      'never goes back',
    );
  });

  it('changes nothing for a malformed file: unparseable CSV or missing header columns', async () => {
    const before = { mcid: '10203040', firstName: 'Alice', lastName: 'Martin', emails: ['alice@contoso.com'], certifications: [] };
    const profiles = new MemoryProfileStore([before]);
    const unclosed = `${sample.toString('utf8')}10203040,"Alice,Martin,alice@contoso.com\n`;
    const r1 = await importPartnerCenterExport(unclosed, ORG, profiles);
    assert.equal(r1.ok, false);
    assert.match(formatImportReport(r1, 'x.csv')[0], /nothing imported.*not valid CSV/);

    const noMpn = sample.toString('utf8').replace('MpnId,PartnerName', 'Org,PartnerName');
    const r2 = await importPartnerCenterExport(noMpn, ORG, profiles);
    assert.deepEqual(r2, { ok: false, error: 'The header is missing these columns: MpnId.' });
    assert.deepEqual(await profiles.get('10203040'), before);
    assert.equal(await profiles.get('10206373'), null);
  });

  it('keeps known sign-in emails and replaces certifications on refresh', async () => {
    const profiles = new MemoryProfileStore([
      { mcid: '10203040', firstName: 'Alice', lastName: 'Martin', emails: ['alice.perso@example.org'], certifications: [{ number: 'X', title: 'Old', type: 'exam', earnedOn: '2020-01-01' }] },
    ]);
    await importPartnerCenterExport(sample, ORG, profiles);
    const alice = await profiles.get('10203040');
    assert.deepEqual(alice?.emails, ['alice.perso@example.org', 'alice@contoso.com', 'alice.martin@contoso.fr']);
    assert.ok(!alice?.certifications.some((c) => c.title === 'Old'));
  });

  it('imports neither profile when one email is under two MCPIDs (the email shortcut would pick one), and the rest', async () => {
    const header = sample.toString('utf8').split('\n')[0];
    const csv = [
      header,
      '10203040,Alice,Martin,alice@contoso.com,,Microsoft Certified: Azure Fundamentals,Certification,2025-01-01,,Active,1234567,Contoso',
      '10204151,Benoît,Lefèvre,benoit@contoso.com,,Microsoft Certified: Azure Fundamentals,Certification,2025-01-01,,Active,1234567,Contoso',
      '10299999,Alicia,Martin,,ALICE@contoso.com,Microsoft Certified: Azure Fundamentals,Certification,2025-01-01,,Active,1234567,Contoso',
      '10203040,Alice,Martin,alice@contoso.com,,Microsoft Certified: Azure Administrator Associate,Certification,2026-04-02,2027-04-02,Active,1234567,Contoso',
    ].join('\n');
    const profiles = new MemoryProfileStore();
    const report = await importPartnerCenterExport(csv, ORG, profiles);
    assert.ok(report.ok);
    assert.deepEqual(report.rejected, [
      { line: 2, reason: 'an email of this row is also on line 4, under another MCPID' },
      { line: 4, reason: 'an email of this row is also on line 2, under another MCPID' },
      { line: 5, reason: 'not imported: another row of this MCPID was rejected' },
    ]);
    assert.deepEqual(report.mcids, ['10204151']);
    assert.equal(await profiles.get('10203040'), null);
    assert.equal(await profiles.get('10299999'), null);
    assert.ok(!formatImportReport(report, 'x.csv').join('\n').includes('@'), 'no emails in the printed report');
  });

  it('reads our own neutralized export cells back', async () => {
    const csv = `${sample.toString('utf8').split('\n')[0]}\n10203040,'=Alice,Martin,alice@contoso.com,,,,,,,1234567,Contoso\n`;
    const profiles = new MemoryProfileStore();
    await importPartnerCenterExport(csv, ORG, profiles);
    assert.equal((await profiles.get('10203040'))?.firstName, '=Alice');
  });

  it('parses dates in both export formats and refuses impossible ones', () => {
    assert.equal(parseExportDate('2026-03-01'), '2026-03-01');
    assert.equal(parseExportDate('3/1/2026'), '2026-03-01');
    assert.equal(parseExportDate('2026-03-01T10:00:00Z'), '2026-03-01');
    assert.equal(parseExportDate('2026-02-30'), null);
    assert.equal(parseExportDate('tomorrow'), null);
    assert.equal(parseExportDate('3/1/2026', 'dmy'), '2026-01-03');
    assert.equal(parseExportDate('31/1/2026', 'dmy'), '2026-01-31');
    assert.equal(parseExportDate('31/1/2026'), null, 'no 31st month');
    assert.equal(parseExportDate('02.04.2026'), '2026-04-02', 'dots: German, day first');
    assert.equal(parseExportDate('31.02.2026'), null);
  });

  it('reads the same export saved again by Excel in French (semicolons, day-first dates) or as tab-separated values', async () => {
    const header = sample.toString('utf8').split('\n')[0];
    const row = ['10203040', 'Alice', 'Martin', 'alice@contoso.com', '', 'Microsoft Certified: Azure Administrator Associate', 'Certification', '02/04/2026', '02/04/2027', 'Active', ORG, 'Contoso'];
    const semicolons = `${header.replaceAll(',', ';')}\r\n${row.join(';')}\r\n`;
    const profiles = new MemoryProfileStore();
    const report = await importPartnerCenterExport(semicolons, ORG, profiles);
    assert.ok(report.ok);
    assert.deepEqual(report.format, { delimiter: ';', dateOrder: 'dmy' });
    assert.equal(report.imported, 1);
    const cert = (await profiles.get('10203040'))?.certifications[0];
    assert.equal(cert?.earnedOn, '2026-04-02', '02/04/2026 is 2 April in a French file');
    assert.equal(cert?.expiresOn, '2027-04-02');
    assert.ok(formatImportReport(report, 'fr.csv').includes('Read as semicolon-separated values, slash dates as day/month/year'));
    // The operator can say otherwise (--dates mdy): a semicolon file from a US tool.
    const us = await importPartnerCenterExport(semicolons, ORG, new MemoryProfileStore(), { dateOrder: 'mdy' });
    assert.ok(us.ok);
    assert.equal(us.format.dateOrder, 'mdy');

    const tabs = `${header.replaceAll(',', '\t')}\n${row.map((v) => v.replace('02/04/', '2/4/')).join('\t')}\n`;
    const fromTabs = await importPartnerCenterExport(tabs, ORG, new MemoryProfileStore());
    assert.ok(fromTabs.ok);
    assert.deepEqual(fromTabs.format, { delimiter: '\t', dateOrder: 'mdy' });
    assert.equal(fromTabs.imported, 1);
  });
});
