/**
 * What every backend's notice stores promise (references, preferences, the delivery ledger), and
 * what every notice queue promises: one pending notice per person and day, and the person's
 * pending notices found and cancelled for "my data" and erasures. Run on memory and Redis by
 * npm test, on a Redis Cluster by npm run test:reliability.
 */
import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../services/clock';
import { ConversationRefStore, NoticePreferenceStore } from '../../../services/notices/conversationRefStore';
import { NoticeLedger } from '../../../services/notices/noticeLedger';
import { NoticeScheduler } from '../../../services/notices/noticeScheduler';
import { ConversationRef } from '../../../services/notices/types';
import { PersonNotices } from '../../../services/privacy/personNotices';

export interface NoticeStoresFixture {
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

export function describeNoticeStoresContract(name: string, make: () => Promise<NoticeStoresFixture>): void {
  describe(`notice stores contract: ${name}`, () => {
    let s: NoticeStoresFixture;
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

export interface NoticeQueueFixture {
  scheduler: NoticeScheduler & PersonNotices;
  dispose(): Promise<void>;
}

export function describeNoticeQueueContract(name: string, make: () => Promise<NoticeQueueFixture>): void {
  describe(`notice queue contract: ${name}`, () => {
    let f: NoticeQueueFixture;
    beforeEach(async () => {
      f = await make();
    });
    afterEach(() => f.dispose());

    const request = (userId: string, dueAt: Date) => ({ tenantId: 'tenant-1', userId, mcid: `m-${userId}`, dueAt, reason: 'refused' as const });

    it('keeps one pending notice per person and day, and cancels it', async () => {
      const far = new Date(Date.now() + 40 * 86_400_000);
      assert.equal(await f.scheduler.schedule(request('u1', far)), 'scheduled');
      assert.equal(await f.scheduler.schedule(request('u1', new Date(far.getTime() + 60_000))), 'alreadyScheduled', 'the same day');
      assert.equal(await f.scheduler.cancel(request('u1', far)), true);
      assert.equal(await f.scheduler.cancel(request('u1', far)), false);
      assert.equal(await f.scheduler.schedule(request('u1', far)), 'scheduled', 'free again once cancelled');
    });

    it("finds and cancels one person's pending notices, and nobody else's", async () => {
      const [first, second] = [40, 70].map((days) => new Date(Date.now() + days * 86_400_000));
      for (const d of [first, second]) await f.scheduler.schedule(request('alice', d));
      await f.scheduler.schedule(request('alice2', first));
      await f.scheduler.schedule({ ...request('alice', first), tenantId: 'tenant-2' });
      const pending = await f.scheduler.pendingFor('tenant-1', 'alice');
      assert.deepEqual(
        pending.map((n) => n.dueAt.toISOString()).sort(),
        [first, second].map((d) => `${d.toISOString().slice(0, 10)}T00:00:00.000Z`),
      );
      assert.ok(pending.every((n) => n.mcid === 'm-alice' && n.userId === 'alice'));
      assert.equal(await f.scheduler.cancelAllFor('tenant-1', 'alice'), 2);
      assert.deepEqual(await f.scheduler.pendingFor('tenant-1', 'alice'), []);
      assert.equal((await f.scheduler.pendingFor('tenant-1', 'alice2')).length, 1, 'a user id that starts the same is another person');
      assert.equal((await f.scheduler.pendingFor('tenant-2', 'alice')).length, 1, 'the same user id in another tenant is another person');
    });
  });
}
