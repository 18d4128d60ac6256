import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Redis from 'ioredis';
import { ManualClock } from '../../services/clock';
import { RedisAssociationStore } from '../../services/redis/redisAssociationStore';
import { RedisDocumentStore } from '../../services/redis/redisDocumentStore';
import { RedisProfileStore } from '../../services/redis/redisProfileStore';
import { RedisReportIndexStore } from '../../services/redis/redisReportIndexStore';
import { ReportService } from '../../services/report/reportService';
import { UniversityAssessmentStore } from '../../services/university/universityAssessments';
import { HELP, parseImportArgs, runImport } from '../../scripts/import';
import { FIRST_DRAW_MS, ProgressLine, progressLineFor, terminalProgressLine } from '../../scripts/progressLine';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/testRedis';

const root = path.resolve(__dirname, '..', '..', '..');
const sample = path.join(root, 'data', 'partner-center-export.sample.csv');
const bad = path.join(root, 'test', 'fixtures', 'partner-center-export.bad-rows.csv');

/** runImport's output, kept: printed lines and progress updates. */
function capture(progress = false) {
  const lines: string[] = [];
  const updates: string[] = [];
  const line: ProgressLine = { update: (verb, done, total, unit) => updates.push(`${verb} ${done}/${total} ${unit}`), done: () => updates.push('done') };
  return { lines, updates, output: { print: (l: string) => lines.push(l), ...(progress ? { progress: line } : {}) } };
}

describe('npm run import (scripts/import.ts) against Redis', () => {
  let redis: Redis;
  const prefix = uniquePrefix('import');
  const env = { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: prefix };
  before(async () => {
    redis = await connectTestRedis();
  });
  after(async () => {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });

  it('checks its arguments', () => {
    assert.deepEqual(parseImportArgs(['--org', '1234567', 'a.csv']), { org: '1234567', file: 'a.csv' });
    assert.ok('error' in parseImportArgs(['a.csv']));
    assert.ok('error' in parseImportArgs(['--org', '1234567']));
    assert.deepEqual(parseImportArgs(['--org', '1234567', '--dates', 'dmy', 'a.csv']), { org: '1234567', file: 'a.csv', dateOrder: 'dmy' });
    assert.deepEqual(parseImportArgs(['--dates=mdy', '--org=1234567', 'a.csv']), { org: '1234567', file: 'a.csv', dateOrder: 'mdy' });
    assert.match((parseImportArgs(['--org', '1234567', '--dates', 'ymd', 'a.csv']) as { error: string }).error, /--dates must be mdy/);
    assert.deepEqual(parseImportArgs(['--help']), { help: true });
    assert.deepEqual(parseImportArgs(['--org', '1', '-h']), { help: true });
    assert.match((parseImportArgs(['--org', '1234567', '--dry-run', 'a.csv']) as { error: string }).error, /^Unknown option --dry-run/);
  });

  it('--help prints the usage and exits 0, as the npm script runs it', () => {
    const out = spawnSync(process.execPath, [path.join(root, 'dist', 'scripts', 'import.js'), '--help'], { cwd: root, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 15000 });
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout.trim(), HELP);
    assert.match(HELP, /^Usage: npm run import -- --org <mpnId>/);
    assert.match(HELP, /Without REDIS_URL the file is only\nchecked/);
  });

  it('without REDIS_URL only checks the file and says what an import would do, never that it imported', async () => {
    const { lines, output } = capture();
    assert.equal(await runImport(['--org', '1234567', sample], {}, output), 0);
    assert.equal(lines[0], `${sample}: 15 rows read: would import 15 rows (9 people), 0 rows rejected; nothing was written`);
    assert.equal(lines[lines.length - 1], "REDIS_URL is not set, so the file was only checked. To import it into Contoso's report, run the same command with REDIS_URL set.");
    assert.deepEqual(
      lines.filter((l) => /\bimported\b|profiles? written|rebuilt/.test(l)),
      [],
    );
    const rejected = capture();
    assert.equal(await runImport(['--org', '1234567', bad], {}, rejected.output), 2);
    assert.match(rejected.lines[0], /would import 1 row \(1 person\), 8 rows rejected/);
  });

  it('reports progress while it checks and writes, ending at the totals, then clears the line', async () => {
    const { updates, output } = capture(true);
    assert.equal(await runImport(['--org', '1234567', sample], env, output), 0);
    assert.equal(updates.filter((u) => u.startsWith('checked')).pop(), 'checked 15/15 rows');
    assert.equal(updates.filter((u) => u.startsWith('imported')).pop(), 'imported 15/15 rows');
    assert.equal(updates[updates.length - 1], 'done');
  });

  it('draws progress on a terminal only, outside CI, once the work takes long, with the rate', () => {
    assert.ok(progressLineFor({ isTTY: true, write: () => true }, {}));
    assert.equal(progressLineFor({ isTTY: true, write: () => true }, { CI: 'true' }), undefined);
    assert.equal(progressLineFor({ isTTY: false, write: () => true }, {}), undefined);
    assert.equal(progressLineFor({ write: () => true }, {}), undefined);

    let t = 0;
    const written: string[] = [];
    const line = terminalProgressLine(
      (text) => written.push(text),
      () => t,
    );
    line.update('checked', 500, 3000, 'rows');
    assert.deepEqual(written, [], 'nothing for short work');
    t = FIRST_DRAW_MS;
    line.update('imported', 0, 3000, 'rows');
    t += 2000;
    line.update('imported', 2500, 3000, 'rows');
    line.update('imported', 2600, 3000, 'rows');
    line.update('imported', 3000, 3000, 'rows');
    line.done();
    assert.deepEqual(written, ['\r\x1b[Kimported 0 of 3,000 rows', '\r\x1b[Kimported 2,500 of 3,000 rows (1,250 rows/s)', '\r\x1b[Kimported 3,000 of 3,000 rows (1,500 rows/s)', '\r\x1b[K']);
  });

  it('imports the sample into the store and recounts the linked people of the org', async () => {
    // Élodie is linked before the import, with no profile yet: the card counts her certifications only after it.
    const associations = new RedisAssociationStore(redis, prefix);
    const record = {
      mcid: '10206373',
      version: 1,
      link: { mpnId: '1234567', tenantId: 't', userId: 'elodie', since: '2026-03-01T00:00:00.000Z', proof: 'email' as const },
      starts: [{ mpnId: '1234567', at: '2026-03-01T00:00:00.000Z' }],
      ended: [],
    };
    assert.equal(await associations.saveRecord({ ...record, version: 0, link: null, starts: [] }, record), true);

    const { lines, output } = capture();
    const clock = new ManualClock('2026-03-05T09:00:00Z');
    assert.equal(await runImport(['--org', '1234567', sample], env, output, clock), 0);
    assert.equal(lines[0], `${sample}: 15 rows read: imported 15 rows (9 people's profiles written), 0 rows rejected`);
    assert.equal(lines[1], 'Read as comma-separated values, slash dates as month/day/year');
    assert.equal(lines[2], "1 person now in Contoso's skills report (everyone who linked their certification to Contoso).");
    // Élodie's three certifications on 5 March: the last call of the one expiring on 15 March, both reminders of the two others.
    assert.equal(lines[3], 'Renewal reminders: 5 queued, 0 cancelled (certifications renewed).');

    // The next export shows the 15 March certification renewed: its pending last call goes, the new expiry's two come.
    const dir = mkdtempSync(path.join(tmpdir(), 'certlink-import-'));
    const renewed = path.join(dir, 'renewed.csv');
    writeFileSync(renewed, readFileSync(sample, 'utf8').replace('Azure Administrator Associate,Certification,2025-03-15,2026-03-15', 'Azure Administrator Associate,Certification,2025-03-15,2027-03-15'));
    const again = capture();
    assert.equal(await runImport(['--org', '1234567', renewed], env, again.output, clock), 0);
    rmSync(dir, { recursive: true });
    assert.equal(again.lines[3], 'Renewal reminders: 2 queued, 1 cancelled (certifications renewed).');

    const profiles = new RedisProfileStore(redis, prefix);
    assert.equal((await profiles.get('10204151'))?.lastName, 'Lefèvre');
    const reports = new ReportService({ associations, profiles, index: new RedisReportIndexStore(redis, prefix), partnerName: () => null });
    const s = await reports.summary('1234567', new Date('2026-03-05T00:00:00Z'));
    assert.equal(s.linked, 1);
    assert.equal(s.byTitle.length, 3);
  });

  it('writes the Partner University assessment rows per account, where the running bot reads them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'certlink-import-'));
    const file = path.join(dir, 'assessments.csv');
    const header = readFileSync(sample, 'utf8').split(/\r?\n/)[0];
    writeFileSync(file, `${header}\n,,,alice.pu@partneruniversity.example,,Azure Pre-Sales Assessment,Assessment,1/15/2026,,,1234567,Contoso\n`);
    const { lines, output } = capture();
    assert.equal(await runImport(['--org', '1234567', file], env, output), 0);
    rmSync(dir, { recursive: true });
    assert.equal(lines[0], `${file}: 1 row read: imported 1 row (0 people's profiles written, 1 Partner University account with assessments), 0 rows rejected`);
    const stored = await new UniversityAssessmentStore(new RedisDocumentStore(redis, prefix)).get('Alice.PU@partneruniversity.example');
    assert.deepEqual(stored, [{ title: 'Azure Pre-Sales Assessment', completedOn: '2026-01-15' }]);
  });

  it('prints each rejected line and exits 2; a wrong --org rejects every row', async () => {
    const { lines, output } = capture();
    assert.equal(await runImport(['--org', '1234567', bad], env, output), 2);
    assert.ok(lines.some((l) => l === '  line 4: TrainingCompletionDate is not a date (YYYY-MM-DD, M/D/YYYY or D.M.YYYY)'));
    const other = capture();
    assert.equal(await runImport(['--org', '7654321', sample], env, other.output), 2);
    assert.match(other.lines[0], /imported 0 rows \(0 people's profiles written\), 15 rows rejected/);
    assert.equal(other.lines.filter((l) => /skills report/.test(l)).length, 0, 'no profile written: the report is not recounted');
  });

  it('exits 1 and writes nothing for an unreadable file', async () => {
    const { lines, output } = capture();
    assert.equal(await runImport(['--org', '1234567', path.join(root, 'nope.csv')], env, output), 1);
    assert.match(lines[0], /cannot be read \(ENOENT\)/);
  });
});
