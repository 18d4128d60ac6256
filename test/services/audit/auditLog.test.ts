import { strict as assert } from 'node:assert';
import { AuditEntry, AuditLog } from '../../../services/audit/auditLog';
import { MemoryAuditLog } from '../../../services/memory/memoryAuditLog';
import { RedisAuditLog } from '../../../services/redis/redisAuditLog';
import { useSuiteRedis } from '../../support/testRedis';

function entry(i: number, mpnId = '1111111'): AuditEntry {
  return { at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), mpnId, actorUserId: `u${i}`, action: 'link', mcid: String(10000 + i) };
}

async function collect(log: AuditLog, mpnId: string): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  for await (const e of log.stream(mpnId)) all.push(e);
  return all;
}

function contract(name: string, make: () => AuditLog) {
  describe(`AuditLog contract: ${name}`, () => {
    it('returns the latest entries newest first, and streams all oldest first', async () => {
      const log = make();
      for (let i = 0; i < 25; i++) await log.record(entry(i));
      await log.record({ ...entry(99, '2222222'), details: { fmt: 'csv' } });
      const latest = await log.latest('1111111', 20);
      assert.equal(latest.length, 20);
      assert.equal(latest[0].actorUserId, 'u24');
      assert.equal(latest[19].actorUserId, 'u5');
      const all = await collect(log, '1111111');
      assert.deepEqual(
        all.map((e) => e.actorUserId),
        Array.from({ length: 25 }, (_, i) => `u${i}`),
      );
      assert.deepEqual(await collect(log, '2222222'), [{ ...entry(99, '2222222'), details: { fmt: 'csv' } }]);
    });

    it('is empty for an org with no history', async () => {
      const log = make();
      assert.deepEqual(await log.latest('3333333', 20), []);
      assert.deepEqual(await collect(log, '3333333'), []);
    });
  });
}

contract('memory', () => new MemoryAuditLog());

describe('AuditLog on Redis', () => {
  const r = useSuiteRedis('audit');
  // A page size smaller than the entry count makes the paging path run.
  contract('redis', () => new RedisAuditLog(r.client(), { keyPrefix: r.freshPrefix(), pageSize: 7 }));
});
