import { strict as assert } from 'node:assert';
import { reminderInvitationCard } from '../../../cards/reminderInvitationCard';
import { ManualClock } from '../../../services/clock';
import { MemoryConversationRefStore, MemoryNoticeLedger, MemoryNoticePreferenceStore } from '../../../services/memory/memoryNoticeStores';
import { NoticeDelivery } from '../../../services/notices/delivery';
import { remindUnlinkedMembers, RosterMember } from '../../../services/notices/reminders';
import { ConversationRef, NoticeTransport } from '../../../services/notices/types';

const T = 'tenant-1';
const member = (i: number): RosterMember => ({ tenantId: T, userId: `m${i}` });

/** Three pages of four members, the way TeamsInfo.getPagedMembers hands them out. */
async function* pagedRoster(): AsyncIterable<RosterMember[]> {
  for (let page = 0; page < 3; page++) yield [0, 1, 2, 3].map((j) => member(page * 4 + j));
}

describe('admin reminders over a paged roster', () => {
  it('invites each unlinked member once, skips linked, opted-out and recently reminded, and counts failures', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const refs = new MemoryConversationRefStore();
    const prefs = new MemoryNoticePreferenceStore(clock);
    const sent: { userId: string; card: object }[] = [];
    const transport: NoticeTransport = {
      send: async (ref, card) => {
        if (ref.userId === 'm11') return { ok: false, status: 403 };
        sent.push({ userId: ref.userId, card });
        return { ok: true };
      },
    };
    const delivery = new NoticeDelivery({ transport, refs, ledger: new MemoryNoticeLedger(clock), clock, sleep: async () => undefined });
    const ref = (m: RosterMember): ConversationRef => ({ serviceUrl: 'http://x/', conversationId: `c-${m.userId}`, ...m, botId: 'b', locale: 'fr' });
    // m10 never talked to the bot: the bot creates the conversation through ensureReference.
    for (let i = 0; i < 12; i++) if (i !== 10) await refs.save(ref(member(i)));
    const linked = new Set(['m0', 'm5']);
    await prefs.setNoticesEnabled(T, 'm1', false);
    await prefs.claimReminder(T, 'm2', new Date('2026-02-10T00:00:00Z'), 30); // reminded 19 days ago
    const created: string[] = [];
    const run = () =>
      remindUnlinkedMembers({
        roster: pagedRoster(),
        isLinked: async (m) => linked.has(m.userId),
        ensureReference: async (m) => (created.push(m.userId), ref(m)),
        refs,
        delivery,
        prefs,
        clock,
        invitationCard: (r) => reminderInvitationCard({ locale: r.locale }),
      });

    const first = await run();
    assert.deepEqual(first, { sent: 7, skipped: { alreadyLinked: 2, optedOut: 1, remindedRecently: 1 }, failed: 1 });
    assert.deepEqual(sent.map((s) => s.userId).sort(), ['m10', 'm3', 'm4', 'm6', 'm7', 'm8', 'm9']);
    assert.deepEqual(created, ['m10']);
    assert.match(JSON.stringify(sent[0].card), /link\.start/);
    assert.match(JSON.stringify(sent[0].card), /Liez votre certification/);

    clock.advanceDays(8); // 9 March: m2's reminder of 10 February is still within 30 days
    const again = await run();
    assert.equal(again.sent, 0, 'nobody invited twice within 30 days');
    assert.equal(again.skipped.remindedRecently, 8);
    assert.equal(again.failed, 1, 'm11 removed the app; the reference is gone and the claim was given back');

    clock.advanceDays(23); // 1 April: 31 days after the first run
    const later = await run();
    assert.equal(later.sent, 8, 'after 30 days, invited again (m2 included)');
  });
});
