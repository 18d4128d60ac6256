/**
 * Retention, on both stores: audit entries older than the retention are
 * trimmed by the sweep (streams have no per-entry TTL), pseudonymized start
 * dates carry a TTL, an admin's removal puts TTLs on the profile, its email
 * keys and the record, and linking again takes them off. Plus the in-place
 * rewrite that pseudonymizes audit entries.
 */
import { strict as assert } from 'node:assert';
import type Redis from 'ioredis';
import { AuditEntry, AuditLog } from '../../../services/audit/auditLog';
import { DAY_MS, ManualClock } from '../../../services/clock';
import { MemoryAuditLog } from '../../../services/memory/memoryAuditLog';
import { MemoryPseudonymizedStartStore } from '../../../services/memory/memoryPseudonymizedStartStore';
import { PseudonymizedStarts } from '../../../services/privacy/pseudonymizedStarts';
import { Pseudonymizer } from '../../../services/privacy/pseudonymizer';
import { keptStarts } from '../../../services/privacy/retention';
import { AuditRetention } from '../../../services/privacy/retentionStores';
import { sweepAuditRetention } from '../../../services/privacy/retentionSweep';
import { RedisAuditLog } from '../../../services/redis/redisAuditLog';
import { RedisPseudonymizedStartStore } from '../../../services/redis/redisPseudonymizedStartStore';
import { createStores } from '../../../services/storeFactory';
import { TEST_REDIS_URL, TestRedis } from '../../support/testRedis';
import { button, makeHarness, people, sampleProfiles } from '../../support/conversationHarness';

const policy = { startRetentionDays: 395, auditRetentionDays: 730 };

function entry(at: string, action: AuditEntry['action'] = 'link', mcid = '111'): AuditEntry {
  return { at, mpnId: '1234567', actorUserId: 'u1', action, mcid };
}

describe('privacy: retention and pseudonymization', () => {
  const redis = new TestRedis();
  let client: Redis;

  before(async () => {
    client = await redis.connect();
  });
  after(() => redis.cleanup());

  const logs: [string, () => AuditLog & AuditRetention][] = [
    ['memory', () => new MemoryAuditLog()],
    ['redis', () => new RedisAuditLog(client, { keyPrefix: redis.freshPrefix(), pageSize: 2 })],
  ];

  for (const [kind, make] of logs) {
    describe(`audit log: ${kind}`, () => {
      it('the sweep trims the entries past the audit retention and keeps the rest', async () => {
        const log = make();
        for (const at of ['2023-01-01T00:00:00Z', '2023-06-01T00:00:00Z', '2024-03-01T00:00:00Z', '2025-06-01T00:00:00Z', '2026-01-01T00:00:00Z']) await log.record(entry(at));
        const clock = new ManualClock('2026-01-05T00:00:00Z'); // cutoff: 730 days before = 2024-01-06
        const out = await sweepAuditRetention({ audit: log, mpnIds: ['1234567', '7654321'], clock, policy });
        assert.equal(out.auditEntriesTrimmed, 2);
        const left = [];
        for await (const e of log.stream('1234567')) left.push(e.at);
        assert.deepEqual(left, ['2024-03-01T00:00:00Z', '2025-06-01T00:00:00Z', '2026-01-01T00:00:00Z']);
        clock.set('2030-01-01T00:00:00Z');
        assert.equal((await sweepAuditRetention({ audit: log, mpnIds: ['1234567'], clock, policy })).auditEntriesTrimmed, 3);
        assert.deepEqual(await log.latest('1234567', 10), []);
      });

      it('rewrites matching entries in place, in order, and later entries still append', async () => {
        const log = make();
        for (let i = 0; i < 5; i++) await log.record(entry(`2026-01-0${i + 1}T00:00:00Z`, 'link', i % 2 ? '222' : '111'));
        const n = await log.rewrite('1234567', (e) => (e.mcid === '222' ? { ...e, mcid: 'erased:x' } : null));
        assert.equal(n, 2);
        await log.record(entry('2026-01-09T00:00:00Z', 'unlink', '333'));
        const all: string[] = [];
        for await (const e of log.stream('1234567')) all.push(`${e.at.slice(8, 10)}:${e.mcid}`);
        assert.deepEqual(all, ['01:111', '02:erased:x', '03:111', '04:erased:x', '05:111', '09:333']);
      });
    });
  }

  it('Redis: an org’s audit stream expires as a whole after the retention when nobody writes to it', async () => {
    const prefix = redis.freshPrefix();
    const log = new RedisAuditLog(client, { keyPrefix: prefix, retentionDays: 730 });
    await log.record(entry('2026-01-01T00:00:00Z'));
    const ttl = await client.pttl(`${prefix}{org:1234567}:audit`);
    assert.ok(ttl > 729 * DAY_MS && ttl <= 730 * DAY_MS, String(ttl));
  });

  it('pseudonymized start dates: only those the window still needs, under the hash, expiring after the latest + retention', async () => {
    const prefix = redis.freshPrefix();
    const clock = new ManualClock('2026-01-05T00:00:00Z');
    const pseudonymizer = new Pseudonymizer('a-test-secret-of-sufficient-length');
    const store = new RedisPseudonymizedStartStore(client, prefix);
    const starts = new PseudonymizedStarts({ store, pseudonymizer, policy, clock });
    const kept = await starts.remember('10203040', ['2024-01-01T00:00:00Z', '2025-11-01T00:00:00Z', '2026-01-04T00:00:00Z']);
    assert.equal(kept, 2, 'a start older than the retention is not kept');
    const key = store.key(pseudonymizer.mcid('10203040'));
    assert.ok(!key.includes('10203040'));
    const expireAt = await client.pexpiretime(key);
    assert.equal(expireAt, Date.parse('2026-01-04T00:00:00Z') + 395 * DAY_MS);
    assert.deepEqual(await starts.startsFor('10203040'), ['2025-11-01T00:00:00Z', '2026-01-04T00:00:00Z']);
    assert.deepEqual(await starts.startsFor('10203041'), []);

    // The embedded store expires them on the clock.
    const memory = new PseudonymizedStarts({ store: new MemoryPseudonymizedStartStore(clock), pseudonymizer, policy, clock });
    await memory.remember('10203040', ['2026-01-04T00:00:00Z']);
    clock.set(new Date(Date.parse('2026-01-04T00:00:00Z') + 395 * DAY_MS));
    assert.deepEqual(await memory.startsFor('10203040'), []);
    assert.equal(keptStarts(['2020-01-01T00:00:00Z'], clock.now(), policy), null);
  });

  it('Redis: an admin’s removal puts TTLs on the profile, its email key and the record; linking again takes them off', async () => {
    const prefix = redis.freshPrefix();
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    const stores = await createStores({ redisUrl: TEST_REDIS_URL, keyPrefix: prefix, profiles: sampleProfiles(), clock });
    try {
      const h = await makeHarness({ clock, stores });
      await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
      const keys = [`${prefix}{profile:10203040}`, `${prefix}{email:alice@contoso.com}`, `${prefix}{mcid:10203040}:record`];
      for (const k of keys) assert.equal(await client.pttl(k), -1, `${k} has no TTL while linked`);
      await h.click(people.contosoAdmin, button(await h.say(people.contosoAdmin, 'remove alice@contoso.com from the report'), 'admin.remove.confirm'));
      const due = Date.parse('2026-01-05T09:00:00Z') + 396 * DAY_MS;
      for (const k of keys) assert.equal(await client.pexpiretime(k), due, `${k} expires 396 days after the removal`);

      clock.advanceDays(40);
      await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
      for (const k of keys) assert.equal(await client.pttl(k), -1, `${k} is kept again once she links`);

      // Ending her own link: the profile stays for the email shortcut; the record, now only for the limits, expires.
      clock.advanceDays(40);
      await h.click(people.alice, button(await h.say(people.alice, 'remove my certification'), 'unlink.confirm'));
      assert.equal(await client.pttl(keys[0]), -1);
      assert.equal(await client.pexpiretime(keys[2]), clock.now().getTime() + 396 * DAY_MS);
    } finally {
      await stores.close();
    }
  });
});
