/**
 * Time travel through a notice's life with sinon fake timers: refused on
 * 5 January, told on the first allowed day, not earlier, exactly once; stale
 * notices suppressed; opt-out respected; a moved date rescheduled.
 */
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { AssociationService } from '../../../services/association/associationService';
import { DEFAULT_LIMITS } from '../../../services/association/types';
import { systemClock } from '../../../services/clock';
import { InProcessNoticeScheduler } from '../../../services/memory/inProcessNoticeScheduler';
import { MemoryAssociationStore } from '../../../services/memory/memoryAssociationStore';
import { MemoryConversationRefStore, MemoryNoticeLedger, MemoryNoticePreferenceStore } from '../../../services/memory/memoryNoticeStores';
import { toCurrentAvailability } from '../../../services/notices/currentAvailability';
import { NoticeDelivery } from '../../../services/notices/delivery';
import { NoticeOutcome, startNoticeWorker } from '../../../services/notices/noticeWorker';
import { NoticeTransport } from '../../../services/notices/types';
import { noticeCard } from '../../../cards/noticeCard';

const A = '1111111';
const B = '2222222';

function setup() {
  const timers = sinon.useFakeTimers({ now: new Date('2026-01-05T09:30:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const clock = systemClock; // Date is faked
  const associations = new AssociationService({ store: new MemoryAssociationStore(), clock, limits: DEFAULT_LIMITS });
  const refs = new MemoryConversationRefStore();
  const prefs = new MemoryNoticePreferenceStore();
  const sent: { userId: string; at: string; card: object }[] = [];
  const transport: NoticeTransport = {
    send: async (ref, card) => {
      sent.push({ userId: ref.userId, at: new Date().toISOString(), card });
      return { ok: true };
    },
  };
  const delivery = new NoticeDelivery({ transport, refs, ledger: new MemoryNoticeLedger() });
  const scheduler = new InProcessNoticeScheduler();
  const outcomes: NoticeOutcome[] = [];
  const worker = startNoticeWorker(scheduler, {
    delivery,
    prefs,
    scheduler,
    currentAvailability: async (mcid) => toCurrentAvailability(await associations.status(mcid), DEFAULT_LIMITS, () => 'Contoso'),
    card: (_notice, now, ref) => noticeCard({ locale: ref.locale, associationsLeft: now.associationsLeft, limits: DEFAULT_LIMITS, link: now.link }),
    onOutcome: (_n, o) => outcomes.push(o),
  });
  const day = 86_400_000;
  return { timers, associations, refs, prefs, sent, delivery, scheduler, worker, outcomes, day };
}

const alice = { tenantId: 'tenant-b', userId: 'alice', mcid: '10203040' };
const saveRef = (refs: MemoryConversationRefStore, locale: 'en' | 'fr' = 'en') => refs.save({ serviceUrl: 'http://x/', conversationId: 'c-alice', tenantId: 'tenant-b', userId: 'alice', botId: 'b', locale });

describe('notices on the in-process scheduler (fake timers)', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(() => {
    s = setup();
  });
  afterEach(async () => {
    await s.worker.stop();
    s.timers.restore();
  });

  async function refusedOnJan5() {
    await s.associations.link(alice.mcid, { mpnId: A, tenantId: 'tenant-a', userId: 'alice-a', proof: 'email' });
    const preview = await s.associations.preview(alice.mcid, { mpnId: B, ...alice, proof: 'email' });
    assert.equal(preview.decision.kind, 'refused');
    const status = await s.associations.status(alice.mcid);
    return status.availability.date;
  }

  it('tells the person on the first allowed day, once, and not a day earlier', async () => {
    await saveRef(s.refs, 'fr');
    const next = await refusedOnJan5();
    assert.equal(next.toISOString(), '2026-02-04T00:00:00.000Z');
    assert.equal(await s.scheduler.schedule({ ...alice, dueAt: next, reason: 'refused' }), 'scheduled');
    assert.equal(await s.scheduler.schedule({ ...alice, dueAt: next, reason: 'notifyMe' }), 'alreadyScheduled');
    await s.timers.tickAsync(next.getTime() - Date.now() - 1);
    assert.equal(s.sent.length, 0, 'nothing before the day');
    await s.timers.tickAsync(1);
    assert.equal(s.sent.length, 1);
    assert.equal(s.sent[0].at, '2026-02-04T00:00:00.000Z');
    const text = JSON.stringify(s.sent[0].card);
    assert.match(text, /Vous pouvez de nouveau lier votre certification à partir d'aujourd'hui/);
    assert.match(text, /"title":"Associations restantes","value":"2 sur 3 par an"/);
    assert.match(text, /link\.start/);
    await s.timers.tickAsync(40 * s.day);
    assert.equal(s.sent.length, 1, 'exactly once');
    assert.equal(s.delivery.stats().sent, 1);
  });

  it('waits longer than setTimeout can (over 24.8 days) without firing early', async () => {
    await saveRef(s.refs);
    const due = new Date('2026-03-20T00:00:00Z');
    await s.scheduler.schedule({ ...alice, dueAt: due, reason: 'notifyMe' });
    await s.timers.tickAsync(due.getTime() - Date.now() - 1000);
    assert.equal(s.sent.length, 0);
    await s.timers.tickAsync(1000);
    assert.equal(s.sent.length, 1);
  });

  it('suppresses a stale notice when the person linked meanwhile', async () => {
    await saveRef(s.refs);
    await refusedOnJan5();
    // Asked to be told on 10 February; the person comes back by themselves on 5 February and links.
    const due = new Date('2026-02-10T00:00:00Z');
    await s.scheduler.schedule({ ...alice, dueAt: due, reason: 'notifyMe' });
    await s.timers.tickAsync(new Date('2026-02-05T10:00:00Z').getTime() - Date.now());
    const linked = await s.associations.link(alice.mcid, { mpnId: B, ...alice, proof: 'email' });
    assert.equal(linked.decision.kind, 'allowed');
    await s.timers.tickAsync(due.getTime() - Date.now() + 1000);
    assert.equal(s.sent.length, 0);
    assert.deepEqual(s.outcomes, ['stale']);
    assert.equal(s.delivery.stats().stale, 1);
  });

  it('does not send a notice whose date moved later, and schedules one for the new date', async () => {
    await saveRef(s.refs);
    // A notice computed for 4 February, but by then two more starts push the next date out.
    await s.associations.link(alice.mcid, { mpnId: A, tenantId: 'tenant-a', userId: 'alice-a', proof: 'email' });
    const wrongDay = new Date('2026-01-20T00:00:00Z');
    await s.scheduler.schedule({ ...alice, dueAt: wrongDay, reason: 'notifyMe' });
    await s.timers.tickAsync(wrongDay.getTime() - Date.now());
    assert.equal(s.sent.length, 0, 'stale: the date moved');
    assert.deepEqual(s.outcomes, ['rescheduled']);
    await s.timers.tickAsync(new Date('2026-02-04T00:00:00Z').getTime() - Date.now());
    assert.equal(s.sent.length, 1, 'told on the new date');
    assert.equal(s.delivery.stats().rescheduled, 1);
    assert.equal(s.delivery.stats().stale, 1);
  });

  it('respects "stop notifications", and notices work again after "start notifications"', async () => {
    await saveRef(s.refs);
    const next = await refusedOnJan5();
    await s.prefs.setNoticesEnabled('tenant-b', 'alice', false);
    await s.scheduler.schedule({ ...alice, dueAt: next, reason: 'refused' });
    await s.timers.tickAsync(next.getTime() - Date.now());
    assert.equal(s.sent.length, 0);
    assert.equal(s.delivery.stats().optedOut, 1);
    await s.prefs.setNoticesEnabled('tenant-b', 'alice', true);
    await s.scheduler.schedule({ ...alice, dueAt: next, reason: 'notifyMe' });
    await s.timers.tickAsync(1);
    assert.equal(s.sent.length, 1);
  });

  it('cancels a pending notice', async () => {
    await saveRef(s.refs);
    const next = await refusedOnJan5();
    await s.scheduler.schedule({ ...alice, dueAt: next, reason: 'refused' });
    assert.equal(await s.scheduler.cancel({ ...alice, dueAt: next }), true);
    assert.equal(await s.scheduler.cancel({ ...alice, dueAt: next }), false);
    await s.timers.tickAsync(60 * s.day);
    assert.equal(s.sent.length, 0);
  });
});
