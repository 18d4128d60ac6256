import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import type Redis from 'ioredis';
import { ManualClock } from '../../../services/clock';
import { DocumentStore } from '../../../services/kv/documentStore';
import { MemoryDocumentStore } from '../../../services/memory/memoryDocumentStore';
import { MemoryProfileStore } from '../../../services/memory/memoryProfileStore';
import { RedisDocumentStore } from '../../../services/redis/redisDocumentStore';
import { writeCsv, writeCsvChunks } from '../../../services/report/exportWriters';
import { formatImportReport } from '../../../services/report/importReportText';
import { importPartnerCenterExport } from '../../../services/report/partnerCenterImport';
import { ReportService } from '../../../services/report/reportService';
import { UniversityAssessmentStore } from '../../../services/university/universityAssessments';
import { UniversityService } from '../../../services/university/universityService';
import { TestRedis } from '../../support/testRedis';
import { collect, contoso, world } from './fixtures';

const ORG = contoso.mpnId;
const HEADER = 'MCPID,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingTitle,TrainingType,TrainingCompletionDate,ExpirationDate,ActivationStatus,MpnId,PartnerName';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');
const ALICE_PU = 'alice.pu@partneruniversity.example';
const assessment = (account: string, title: string, done: string, expires = '', org = ORG) => `,,,${account},,${title},Assessment,${done},${expires},,${org},Contoso`;

describe('Partner University assessments: import', () => {
  it('stores Assessment rows per Partner University account, beside the profiles of the same file', async () => {
    const store = new UniversityAssessmentStore(new MemoryDocumentStore());
    const profiles = new MemoryProfileStore();
    const file = csv(
      '10203040,Alice,Martin,alice@contoso.com,,Microsoft Certified: Azure Administrator Associate,Certification,2026-04-02,2027-04-02,Active,1234567,Contoso',
      assessment(ALICE_PU, 'Azure Technical Pre-Sales Assessment', '2026-01-15'),
      assessment('Alice.PU@PartnerUniversity.example', 'Modern Work Sales Assessment', '3/2/2026', '3/2/2027'),
    );
    const report = await importPartnerCenterExport(file, ORG, profiles, { assessments: store });
    assert.ok(report.ok);
    assert.deepEqual([report.rowsRead, report.imported, report.rejected.length, report.profilesWritten, report.accountsWritten], [3, 3, 0, 1, 1]);
    assert.deepEqual(await store.get(ALICE_PU.toUpperCase()), [
      { title: 'Azure Technical Pre-Sales Assessment', completedOn: '2026-01-15' },
      { title: 'Modern Work Sales Assessment', completedOn: '2026-03-02', expiresOn: '2027-03-02' },
    ]);
    assert.equal((await profiles.get('10203040'))?.certifications.length, 1, 'an assessment is not a certification of the profile');
    assert.equal(formatImportReport(report, 'x.csv')[0], "x.csv: 3 rows read: imported 3 rows (1 person's profile written, 1 Partner University account with assessments), 0 rows rejected");

    // The next file is the account's whole list: it replaces the first.
    await importPartnerCenterExport(csv(assessment(ALICE_PU, 'Security Assessment', '2026-05-01')), ORG, profiles, { assessments: store });
    assert.deepEqual(
      (await store.get(ALICE_PU)).map((a) => a.title),
      ['Security Assessment'],
    );
  });

  it('rejects bad Assessment rows with clear reasons, and writes nothing of an account with one', async () => {
    const store = new UniversityAssessmentStore(new MemoryDocumentStore());
    await store.replace(ALICE_PU, [{ title: 'Kept Assessment', completedOn: '2025-01-01' }]);
    const file = csv(
      assessment(ALICE_PU, 'New Assessment', '2026-01-15'),
      assessment(ALICE_PU, 'Broken Assessment', 'yesterday'),
      assessment('not-an-account', 'Assessment A', '2026-01-15'),
      assessment('bob.pu@partneruniversity.example', '', '2026-01-15'),
      assessment('carl.pu@partneruniversity.example', 'Assessment C', '2026-01-15', '', '7654321'),
      assessment('dora.pu@partneruniversity.example', 'Assessment D', '2026-02-01', '2026-01-01'),
      assessment('emma.pu@partneruniversity.example', 'Assessment E', '2026-02-01'),
    );
    const report = await importPartnerCenterExport(file, ORG, new MemoryProfileStore(), { assessments: store });
    assert.ok(report.ok);
    const reason = (line: number) => report.rejected.find((r) => r.line === line)?.reason ?? '';
    assert.deepEqual(
      report.rejected.map((r) => r.line),
      [2, 3, 4, 5, 6, 7],
    );
    assert.match(reason(2), /another row of this Partner University account was rejected/);
    assert.match(reason(3), /TrainingCompletionDate is not a date/);
    assert.match(reason(4), /Partner University account .* in Email/);
    assert.match(reason(5), /needs a TrainingTitle/);
    assert.match(reason(6), /MpnId 7654321 is not the organization/);
    assert.match(reason(7), /before TrainingCompletionDate/);
    assert.equal(report.accountsWritten, 1);
    assert.deepEqual(
      (await store.get(ALICE_PU)).map((a) => a.title),
      ['Kept Assessment'],
      'Alice has a rejected row: her account keeps what it had',
    );
    assert.deepEqual(await store.get('carl.pu@partneruniversity.example'), [], 'another org’s row is not imported');
    assert.equal((await store.get('emma.pu@partneruniversity.example')).length, 1);
    assert.ok(!formatImportReport(report, 'x.csv').join('\n').includes('@'), 'no account names in the printed report');
  });

  it('names Assessment among the types it takes', async () => {
    const report = await importPartnerCenterExport(csv('10203040,Alice,Martin,alice@contoso.com,,Some course,Learning path,2026-01-15,,,1234567,Contoso'), ORG, new MemoryProfileStore());
    assert.ok(report.ok);
    assert.match(report.rejected[0].reason, /TrainingType must be Certification, Exam or Assessment/);
  });
});

function describeAssessmentStore(name: string, make: () => DocumentStore) {
  it(`${name}: keeps each account's list, whatever the case of its name; an empty list removes it`, async () => {
    const store = new UniversityAssessmentStore(make());
    await store.replace(ALICE_PU, [{ title: 'A', completedOn: '2026-01-01' }]);
    await store.replace('bob.pu@partneruniversity.example', [{ title: 'B', completedOn: '2026-01-02', expiresOn: '2027-01-02' }]);
    assert.deepEqual(
      (await store.getMany(['BOB.pu@partneruniversity.example', 'nobody@partneruniversity.example', ALICE_PU])).map((l) => l.map((a) => a.title)),
      [['B'], [], ['A']],
    );
    await store.replace(ALICE_PU, []);
    assert.deepEqual(await store.get(ALICE_PU), []);
  });
}

describe('UniversityAssessmentStore', () => {
  describeAssessmentStore('memory', () => new MemoryDocumentStore());
  const redis = new TestRedis();
  let client: Redis;
  before(async () => {
    client = await redis.connect({ connectionName: 'certlink-test-assessments' });
  });
  after(() => redis.cleanup());
  describeAssessmentStore('redis', () => new RedisDocumentStore(client, redis.freshPrefix()));
});

/** The bytes a download writes, from either source. */
async function written(write: (out: Writable) => Promise<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  await write(out);
  return Buffer.concat(chunks).toString('utf8');
}

describe('Partner University assessments in the skills report', () => {
  function setUp() {
    const w = world();
    const documents = new MemoryDocumentStore();
    const university = new UniversityService({ documents, clock: new ManualClock('2026-03-01T09:00:00Z') });
    const assessments = new UniversityAssessmentStore(documents);
    const reports = new ReportService({
      associations: w.associations,
      profiles: w.profileStore,
      index: w.index,
      partnerName: (m) => w.orgs.get(m)?.name ?? null,
      batchSize: 2,
      university: { links: university, assessments },
    });
    return { w, university, assessments, reports };
  }

  it('lists the assessments of the Partner University account a linked person linked, with their type, until the link is removed', async () => {
    const { w, university, assessments, reports } = setUp();
    await w.link('10203040', contoso, 'alice');
    await w.link('10204151', contoso, 'benoit');
    await assessments.replace(ALICE_PU, [
      { title: 'Azure Pre-Sales Assessment', completedOn: '2026-01-15' },
      { title: 'Old Assessment', completedOn: '2024-01-15', expiresOn: '2025-01-15' },
    ]);
    await assessments.replace('nobody.pu@partneruniversity.example', [{ title: 'Unlinked Assessment', completedOn: '2026-01-15' }]);
    const now = w.clock.now();
    const before = await collect(reports.rows(ORG, now));
    assert.equal(before.filter((r) => r.TrainingType === 'Assessment').length, 0, 'nobody linked a Partner University account yet');

    await university.link(contoso.tenantIds[0], 'alice', ALICE_PU);
    const rows = await collect(reports.rows(ORG, now));
    assert.deepEqual(
      rows.filter((r) => r.TrainingType === 'Assessment').map((r) => [r.MCPID, r.IndividualFirstName, r.TrainingTitle, r.TrainingCompletionDate, r.ExpirationDate, r.ActivationStatus]),
      [
        ['10203040', 'Alice', 'Azure Pre-Sales Assessment', '2026-01-15', '', 'Active'],
        ['10203040', 'Alice', 'Old Assessment', '2024-01-15', '2025-01-15', 'Expired'],
      ],
    );
    assert.equal(rows.length, before.length + 2, 'her certifications stay; Benoît, with no Partner University link, is unchanged');
    assert.ok(!rows.some((r) => r.TrainingTitle === 'Unlinked Assessment'), 'an account nobody linked shows nowhere');
    const csv = await written((out) => writeCsvChunks(reports.csvChunks(ORG, now), out));
    assert.match(csv, /"?Azure Pre-Sales Assessment"?,"?Assessment"?,"?2026-01-15"?/);
    assert.equal(csv, await written((out) => writeCsv(reports.rows(ORG, now), out)), 'the CSV download and the rows (the .xlsx) agree byte for byte');

    await university.remove(contoso.tenantIds[0], 'alice');
    const after = await collect(reports.rows(ORG, now));
    assert.equal(after.filter((r) => r.TrainingType === 'Assessment').length, 0, 'the removed link stops showing them');
    assert.ok(!(await collect(reports.csvChunks(ORG, now))).join('').includes('Assessment'));
  });

  it('shows a linked person with no certification by their assessments alone', async () => {
    const { w, university, assessments, reports } = setUp();
    await w.link('10205262', contoso, 'chloe');
    await university.link(contoso.tenantIds[0], 'chloe', 'chloe.pu@partneruniversity.example');
    await assessments.replace('chloe.pu@partneruniversity.example', [{ title: 'Security Assessment', completedOn: '2026-02-01' }]);
    const rows = await collect(reports.rows(ORG, w.clock.now()));
    assert.deepEqual(
      rows.map((r) => [r.MCPID, r.TrainingTitle, r.TrainingType]),
      [['10205262', 'Security Assessment', 'Assessment']],
    );
  });
});
