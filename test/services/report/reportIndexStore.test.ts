import { strict as assert } from 'node:assert';
import { MemoryReportIndexStore } from '../../../services/memory/memoryReportIndexStore';
import { RedisReportIndexStore } from '../../../services/redis/redisReportIndexStore';
import { ReportCounters, ReportIndexStore } from '../../../services/report/reportIndexStore';
import { useSuiteRedis } from '../../support/testRedis';

const ORG = '1234567';
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const query = { pendingSince: day('2026-03-01'), expiringFrom: day('2026-03-10'), expiringTo: day('2026-06-08'), heldAt: day('2026-03-10') };
const AZ = 'Microsoft Certified: Azure Administrator Associate';
const PIPE = 'Title | with a pipe';

function sorted(c: ReportCounters): ReportCounters {
  const by = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
  return { ...c, byTitle: [...c.byTitle].sort(by), expiring: [...c.expiring].sort(by) };
}

function contract(name: string, make: () => ReportIndexStore) {
  describe(`ReportIndexStore contract: ${name}`, () => {
    it('counts members, pending credit, titles and expiring certifications', async () => {
      const index = make();
      assert.equal(await index.add(ORG, '1001', { since: day('2026-01-01'), certifications: [{ title: AZ, expiresAt: day('2026-04-01') }, { title: PIPE }] }), true);
      assert.equal(await index.add(ORG, '1002', { since: day('2026-03-05'), certifications: [{ title: AZ, expiresAt: day('2027-04-01') }] }), true);
      assert.equal(await index.add(ORG, '1003', { since: day('2026-02-01'), certifications: [{ title: PIPE, expiresAt: day('2026-05-01') }] }), true);
      assert.equal(await index.add('7654321', '1004', { since: day('2026-03-05'), certifications: [{ title: AZ }] }), true);
      assert.deepEqual(sorted(await index.counters(ORG, query)), {
        linked: 3,
        pendingCredit: 1,
        byTitle: [
          { title: AZ, count: 2 },
          { title: PIPE, count: 2 },
        ],
        expiring: [
          { title: AZ, count: 1 },
          { title: PIPE, count: 1 },
        ],
        expired: 0,
      });
    });

    it('leaves certifications expired before heldAt out of the titles held, and counts them', async () => {
      const index = make();
      await index.add(ORG, '4001', {
        since: day('2025-01-01'),
        certifications: [
          { title: AZ, expiresAt: day('2026-03-09') },
          { title: PIPE, expiresAt: day('2026-01-01') },
        ],
      });
      await index.add(ORG, '4002', { since: day('2025-01-01'), certifications: [{ title: AZ, expiresAt: day('2026-03-10') }, { title: PIPE }] });
      const c = sorted(await index.counters(ORG, query));
      // Expiring exactly at heldAt is still held (and expiring); one millisecond before is not.
      assert.deepEqual(c.byTitle, [
        { title: AZ, count: 1 },
        { title: PIPE, count: 1 },
      ]);
      assert.equal(c.expired, 2);
      assert.deepEqual(c.expiring, [{ title: AZ, count: 1 }]);
      // A title whose every certification expired is not listed; removing a member takes its expired ones back too.
      await index.remove(ORG, '4002');
      assert.deepEqual(await index.counters(ORG, query), { linked: 1, pendingCredit: 0, byTitle: [], expiring: [], expired: 2 });
      await index.remove(ORG, '4001');
      assert.deepEqual(await index.counters(ORG, query), { linked: 0, pendingCredit: 0, byTitle: [], expiring: [], expired: 0 });
    });

    it('counts certifications that expire between two reads, and members added or removed after they expired', async () => {
      const index = make();
      const at = (iso: string) => ({ ...query, heldAt: day(iso), expiringFrom: day(iso), expiringTo: day(iso) + 90 * 86_400_000 });
      await index.add(ORG, '5001', {
        since: day('2025-01-01'),
        certifications: [
          { title: AZ, expiresAt: day('2026-02-01') },
          { title: AZ, expiresAt: day('2026-05-01') },
        ],
      });
      assert.deepEqual([(await index.counters(ORG, at('2026-01-15'))).expired, (await index.counters(ORG, at('2026-01-15'))).byTitle], [0, [{ title: AZ, count: 2 }]]);
      // A month on, the first has expired; months on, both.
      assert.deepEqual([(await index.counters(ORG, at('2026-02-15'))).expired, (await index.counters(ORG, at('2026-02-15'))).byTitle], [1, [{ title: AZ, count: 1 }]]);
      // Added after its certification expired (a refreshed profile): counted expired at once.
      await index.add(ORG, '5002', { since: day('2026-02-15'), certifications: [{ title: PIPE, expiresAt: day('2026-01-01') }, { title: PIPE }] });
      assert.deepEqual(sorted(await index.counters(ORG, at('2026-02-16'))), {
        linked: 2,
        pendingCredit: 0,
        byTitle: [
          { title: AZ, count: 1 },
          { title: PIPE, count: 1 },
        ],
        expiring: [{ title: AZ, count: 1 }],
        expired: 2,
      });
      await index.remove(ORG, '5002');
      assert.equal((await index.counters(ORG, at('2026-02-16'))).expired, 1);
      assert.deepEqual([(await index.counters(ORG, at('2026-06-01'))).expired, (await index.counters(ORG, at('2026-06-01'))).byTitle], [2, []]);
      await index.remove(ORG, '5001');
      assert.deepEqual(await index.counters(ORG, at('2026-06-01')), { linked: 0, pendingCredit: 0, byTitle: [], expiring: [], expired: 0 });
    });

    it('adds and removes idempotently, taking back exactly what was counted', async () => {
      const index = make();
      const member = { since: day('2026-03-05'), certifications: [{ title: AZ, expiresAt: day('2026-04-01') }] };
      await index.add(ORG, '2001', member);
      assert.equal(await index.add(ORG, '2001', { since: day('2026-03-06'), certifications: [{ title: 'Other' }] }), false);
      assert.equal(await index.remove(ORG, '2001'), true);
      assert.equal(await index.remove(ORG, '2001'), false);
      assert.deepEqual(await index.counters(ORG, query), { linked: 0, pendingCredit: 0, byTitle: [], expiring: [], expired: 0 });
    });

    it('clears an org without touching another', async () => {
      const index = make();
      await index.add(ORG, '3001', { since: day('2026-01-01'), certifications: [{ title: AZ }] });
      await index.add('7654321', '3002', { since: day('2026-01-01'), certifications: [] });
      await index.clear(ORG);
      assert.equal((await index.counters(ORG, query)).linked, 0);
      assert.equal((await index.counters('7654321', query)).linked, 1);
    });
  });
}

contract('memory', () => new MemoryReportIndexStore());

describe('ReportIndexStore on Redis', () => {
  const r = useSuiteRedis('reportIndex');
  contract('redis', () => new RedisReportIndexStore(r.client(), r.freshPrefix()));
});
