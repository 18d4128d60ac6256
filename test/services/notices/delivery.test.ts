import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { ManualClock } from '../../../services/clock';
import { MemoryConversationRefStore, MemoryNoticeLedger } from '../../../services/memory/memoryNoticeStores';
import { NoticeDelivery } from '../../../services/notices/delivery';
import { ConversationRef, NoticeTransport, SendResult } from '../../../services/notices/types';

/** A transport that answers from a script and records every send with the (manual) time it happened. */
class ScriptedTransport implements NoticeTransport {
  sends: { conversationId: string; at: number }[] = [];
  constructor(
    private readonly clock: ManualClock,
    private readonly answers: SendResult[] = [],
  ) {}
  async send(ref: ConversationRef): Promise<SendResult> {
    this.sends.push({ conversationId: ref.conversationId, at: this.clock.now().getTime() });
    return this.answers.shift() ?? { ok: true };
  }
}

const ref = (userId: string, tenantId = 't1'): ConversationRef => ({
  serviceUrl: 'http://connector/',
  conversationId: `conv-${userId}`,
  tenantId,
  userId,
  botId: 'bot',
  locale: 'en',
});

async function setup(answers: SendResult[] = [], opts: ConstructorParameters<typeof NoticeDelivery>[0] extends infer D ? Partial<D> : never = {}) {
  const clock = new ManualClock('2026-03-01T00:00:00Z');
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    clock.set(new Date(clock.now().getTime() + ms));
  };
  const transport = new ScriptedTransport(clock, answers);
  const refs = new MemoryConversationRefStore();
  const ledger = new MemoryNoticeLedger(clock);
  for (const u of ['u1', 'u2', 'u3']) await refs.save(ref(u));
  const delivery = new NoticeDelivery({ transport, refs, ledger, clock, sleep, random: () => 1, ...opts });
  const item = (userId: string, tenantId = 't1') => ({ key: `notice:${tenantId}:${userId}:2026-03-01`, tenantId, userId, card: () => ({}) });
  return { clock, sleeps, transport, refs, ledger, delivery, item };
}

describe('notice delivery', () => {
  it('sends once: a second delivery of the same notice is a counted duplicate', async () => {
    const { delivery, transport, item } = await setup();
    assert.equal(await delivery.deliver(item('u1')), 'sent');
    assert.equal(await delivery.deliver(item('u1')), 'duplicate');
    assert.equal(transport.sends.length, 1);
    assert.deepEqual({ sent: delivery.stats().sent, duplicate: delivery.stats().duplicate }, { sent: 1, duplicate: 1 });
  });

  it('leaves a notice another worker is sending to that worker', async () => {
    const { delivery, ledger, transport, item } = await setup();
    assert.equal(await ledger.claim('notice:t1:u1:2026-03-01', 60_000), 'claimed');
    assert.equal(await delivery.deliver(item('u1')), 'inFlight');
    assert.equal(transport.sends.length, 0);
  });

  it('honours Retry-After on 429 and then sends', async () => {
    const { delivery, transport, sleeps, item } = await setup([{ ok: false, status: 429, retryAfterSeconds: 3 }]);
    assert.equal(await delivery.deliver(item('u1')), 'sent');
    assert.equal(transport.sends.length, 2);
    assert.ok(transport.sends[1].at - transport.sends[0].at >= 3000, 'waited the Retry-After');
    assert.ok(sleeps.includes(3000));
    const s = delivery.stats();
    assert.deepEqual([s.throttled, s.retried, s.sent], [1, 1, 1]);
  });

  it('backs off exponentially on 5xx/412, with bounded retries, then fails and frees the notice', async () => {
    const answers: SendResult[] = [500, 412, 503, 502, 500, 500].map((status) => ({ ok: false, status }));
    const { delivery, transport, sleeps, item, ledger } = await setup(answers, { maxRetries: 5, baseBackoffMs: 100 });
    assert.equal(await delivery.deliver(item('u1')), 'failed');
    assert.equal(transport.sends.length, 6, 'first try + 5 retries');
    assert.deepEqual(sleeps, [100, 200, 400, 800, 1600]);
    assert.equal(delivery.stats().retried, 5);
    assert.equal(delivery.stats().failed, 1);
    assert.equal(await ledger.claim('notice:t1:u1:2026-03-01', 1000), 'claimed', 'a failed notice is not marked sent');
  });

  it('uses full jitter: the wait is a random share of the backoff step', async () => {
    const { delivery, sleeps, item } = await setup([{ ok: false, status: 503 }], { random: () => 0.25, baseBackoffMs: 1000 });
    assert.equal(await delivery.deliver(item('u1')), 'sent');
    assert.deepEqual(sleeps, [250]);
  });

  it('on 403/404 forgets the reference and does not retry', async () => {
    const { delivery, transport, refs, item } = await setup([
      { ok: false, status: 403 },
      { ok: false, status: 404 },
    ]);
    assert.equal(await delivery.deliver(item('u1')), 'dropped');
    assert.equal(await delivery.deliver(item('u2')), 'dropped');
    assert.equal(transport.sends.length, 2);
    assert.equal(await refs.get('t1', 'u1'), null);
    assert.equal(await refs.get('t1', 'u2'), null);
    assert.equal(delivery.stats().dropped, 2);
  });

  it('drops a notice for someone with no conversation reference', async () => {
    const { delivery, transport, item } = await setup();
    assert.equal(await delivery.deliver(item('nobody')), 'dropped');
    assert.equal(transport.sends.length, 0);
  });

  it('paces each tenant at its rate, tenants independently (fake timers)', async () => {
    const timers = sinon.useFakeTimers({ now: new Date('2026-03-01T00:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const sends: { conversationId: string; at: number }[] = [];
      const transport: NoticeTransport = {
        send: async (r) => {
          sends.push({ conversationId: r.conversationId, at: Date.now() });
          return { ok: true };
        },
      };
      const refs = new MemoryConversationRefStore();
      const delivery = new NoticeDelivery({ transport, refs, ledger: new MemoryNoticeLedger(), tenantRatePerSecond: 4 });
      for (let i = 0; i < 8; i++) {
        await refs.save(ref(`a${i}`, 'ta'));
        await refs.save(ref(`b${i}`, 'tb'));
      }
      const item = (userId: string, tenantId: string) => ({ key: `n:${tenantId}:${userId}`, tenantId, userId, card: () => ({}) });
      const all = Promise.all(Array.from({ length: 8 }, (_, i) => [delivery.deliver(item(`a${i}`, 'ta')), delivery.deliver(item(`b${i}`, 'tb'))]).flat());
      await timers.tickAsync(2000);
      assert.deepEqual(await all, Array(16).fill('sent'));
      for (const t of ['a', 'b']) {
        const times = sends.filter((s) => s.conversationId.startsWith(`conv-${t}`)).map((s) => s.at);
        assert.equal(times.length, 8);
        for (let i = 1; i < times.length; i++) assert.equal(times[i] - times[i - 1], 250, `tenant ${t}: one send every 250 ms`);
        assert.equal(times[0], sends[0].at, 'the other tenant does not wait behind this one');
      }
    } finally {
      timers.restore();
    }
  });
});
