import { strict as assert } from 'node:assert';
import path from 'node:path';
import type Redis from 'ioredis';
import { RedisAssociationStore } from '../../services/redis/redisAssociationStore';
import { RedisProfileStore } from '../../services/redis/redisProfileStore';
import { RedisReportIndexStore } from '../../services/redis/redisReportIndexStore';
import { ReportService } from '../../services/report/reportService';
import { parseImportArgs, runImport } from '../../scripts/import';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/testRedis';

const root = path.resolve(__dirname, '..', '..', '..');
const sample = path.join(root, 'data', 'partner-center-export.sample.csv');
const bad = path.join(root, 'test', 'fixtures', 'partner-center-export.bad-rows.csv');

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

    const lines: string[] = [];
    assert.equal(await runImport(['--org', '1234567', sample], env, (l) => lines.push(l)), 0);
    assert.match(lines[0], /rows read 15, imported 15, rejected 0/);
    assert.equal(lines[1], 'Read as comma-separated values, slash dates as month/day/year');
    assert.match(lines[2], /rebuilt: 1 linked people/);
    const profiles = new RedisProfileStore(redis, prefix);
    assert.equal((await profiles.get('10204151'))?.lastName, 'Lefèvre');
    const reports = new ReportService({ associations, profiles, index: new RedisReportIndexStore(redis, prefix), partnerName: () => null });
    const s = await reports.summary('1234567', new Date('2026-03-05T00:00:00Z'));
    assert.equal(s.linked, 1);
    assert.equal(s.byTitle.length, 3);
  });

  it('prints each rejected line and exits 2; a wrong --org rejects every row', async () => {
    const lines: string[] = [];
    assert.equal(await runImport(['--org', '1234567', bad], env, (l) => lines.push(l)), 2);
    assert.ok(lines.some((l) => l === '  line 4: TrainingCompletionDate is not a date (YYYY-MM-DD, M/D/YYYY or D.M.YYYY)'));
    const other: string[] = [];
    assert.equal(await runImport(['--org', '7654321', sample], env, (l) => other.push(l)), 2);
    assert.match(other[0], /imported 0, rejected 15/);
  });

  it('exits 1 and writes nothing for an unreadable file', async () => {
    const lines: string[] = [];
    assert.equal(await runImport(['--org', '1234567', path.join(root, 'nope.csv')], env, (l) => lines.push(l)), 1);
    assert.match(lines[0], /cannot be read \(ENOENT\)/);
  });
});
