import { strict as assert } from 'node:assert';
import type Redis from 'ioredis';
import { ManualClock } from '../../../services/clock';
import { ConversationRefStore, NoticePreferenceStore } from '../../../services/notices/conversationRefStore';
import { NoticeLedger } from '../../../services/notices/noticeLedger';
import { ConversationRef } from '../../../services/notices/types';
import { MemoryConversationRefStore, MemoryNoticeLedger, MemoryNoticePreferenceStore } from '../../../services/memory/memoryNoticeStores';
import { RedisConversationRefStore, RedisNoticeLedger, RedisNoticePreferenceStore } from '../../../services/redis/redisNoticeStores';
import { deleteByPrefix, connectTestRedis, uniquePrefix } from '../../support/testRedis';

interface Stores {
  refs: ConversationRefStore;
  prefs: NoticePreferenceStore;
  ledger: NoticeLedger;
  clock: ManualClock;
}

const ref = (userId: string, over: Partial<ConversationRef> = {}): ConversationRef => ({
  serviceUrl: 'https://smba.example/emea/',
  conversationId: `a:conv-${userId}`,
  tenantId: 'tenant-1',
  userId,
  botId: '28:bot',
  locale: 'fr',
  ...over,
});

function contract(name: string, make: () => Promise<Stores>) {
  describe(`notice stores contract: ${name}`, () => {
    let s: Stores;
    beforeEach(async () => {
      s = await make();
    });

    it('saves, overwrites, reads and forgets a conversation reference per (tenant, user)', async () => {
      assert.equal(await s.refs.get('tenant-1', 'u1'), null);
      await s.refs.save(ref('u1'));
      await s.refs.save(ref('u1', { serviceUrl: 'https://smba.example/amer/' }));
      await s.refs.save(ref('u1', { tenantId: 'tenant-2', conversationId: 'other' }));
      assert.deepEqual(await s.refs.get('tenant-1', 'u1'), ref('u1', { serviceUrl: 'https://smba.example/amer/' }));
      await s.refs.forget('tenant-1', 'u1');
      assert.equal(await s.refs.get('tenant-1', 'u1'), null);
      assert.equal((await s.refs.get('tenant-2', 'u1'))?.conversationId, 'other');
    });

    it('keeps notices on by default and per person', async () => {
      assert.equal(await s.prefs.noticesEnabled('tenant-1', 'u1'), true);
      await s.prefs.setNoticesEnabled('tenant-1', 'u1', false);
      assert.equal(await s.prefs.noticesEnabled('tenant-1', 'u1'), false);
      assert.equal(await s.prefs.noticesEnabled('tenant-1', 'u2'), true);
      await s.prefs.setNoticesEnabled('tenant-1', 'u1', true);
      assert.equal(await s.prefs.noticesEnabled('tenant-1', 'u1'), true);
    });

    it('claims a reminder once per 30 days, remembers when, and can give it back', async () => {
      const t0 = s.clock.now();
      assert.equal(await s.prefs.claimReminder('tenant-1', 'u1', t0, 30), true);
      assert.equal(await s.prefs.claimReminder('tenant-1', 'u1', t0, 30), false);
      assert.equal((await s.prefs.lastReminded('tenant-1', 'u1'))?.toISOString(), t0.toISOString());
      s.clock.advanceDays(29);
      assert.equal(await s.prefs.claimReminder('tenant-1', 'u1', s.clock.now(), 30), false);
      s.clock.advanceDays(1);
      assert.equal(await s.prefs.lastReminded('tenant-1', 'u1'), null);
      assert.equal(await s.prefs.claimReminder('tenant-1', 'u1', s.clock.now(), 30), true);
      await s.prefs.releaseReminder('tenant-1', 'u1');
      assert.equal(await s.prefs.claimReminder('tenant-1', 'u1', s.clock.now(), 30), true);
    });

    it('ledger: one claim wins, a sent notice stays sent, a claim expires', async () => {
      const results = await Promise.all([1, 2, 3, 4].map(() => s.ledger.claim('notice:t:u:2026-03-01', 5000)));
      assert.deepEqual(results.filter((r) => r === 'claimed').length, 1);
      assert.ok(results.filter((r) => r !== 'claimed').every((r) => r === 'inFlight'));
      await s.ledger.markSent('notice:t:u:2026-03-01', 40 * 86_400_000);
      await s.ledger.release('notice:t:u:2026-03-01');
      assert.equal(await s.ledger.claim('notice:t:u:2026-03-01', 5000), 'alreadySent');

      assert.equal(await s.ledger.claim('notice:t:u2:2026-03-01', 5000), 'claimed');
      s.clock.set(new Date(s.clock.now().getTime() + 5001));
      assert.equal(await s.ledger.claim('notice:t:u2:2026-03-01', 5000), 'claimed', 'an expired claim is taken over');
      await s.ledger.release('notice:t:u2:2026-03-01');
      assert.equal(await s.ledger.claim('notice:t:u2:2026-03-01', 5000), 'claimed', 'a released claim is free');
    });
  });
}

contract('memory', async () => {
  const clock = new ManualClock('2026-03-01T00:00:00Z');
  return {
    clock,
    refs: new MemoryConversationRefStore(),
    prefs: new MemoryNoticePreferenceStore(clock),
    ledger: new MemoryNoticeLedger(clock),
  };
});

describe('notice stores on Redis', () => {
  let redis: Redis;
  const prefix = uniquePrefix('notice-stores');
  before(async () => {
    redis = await connectTestRedis();
  });
  after(async () => {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });
  let n = 0;
  contract('redis', async () => {
    const clock = new ManualClock('2026-03-01T00:00:00Z');
    const p = `${prefix}${n++}:`;
    return {
      clock,
      refs: new RedisConversationRefStore(redis, p),
      prefs: new RedisNoticePreferenceStore(redis, p, clock),
      ledger: new RedisNoticeLedger(redis, p, clock),
    };
  });
});

describe('notice stores when Redis is out of reach', () => {
  it('report StoreUnavailableError', async () => {
    const { default: IORedis } = await import('ioredis');
    const dead = new IORedis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    dead.on('error', () => undefined);
    try {
      await assert.rejects(new RedisConversationRefStore(dead, 'x:').get('t', 'u'), { name: 'StoreUnavailableError' });
      await assert.rejects(new RedisNoticeLedger(dead, 'x:').claim('k', 1000), { name: 'StoreUnavailableError' });
      await assert.rejects(new RedisNoticePreferenceStore(dead, 'x:').noticesEnabled('t', 'u'), { name: 'StoreUnavailableError' });
    } finally {
      dead.disconnect();
    }
  });
});
