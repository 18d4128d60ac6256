/**
 * Expiry for admins: the names behind the skills report's "expiring in the next 90 days" (in the
 * admin's personal chat; in a channel only the counts, the names sent to the personal chat), and
 * the opt-in monthly digest on the notices' queue, with time driven by sinon's fake timers.
 */
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { ManualClock } from '../../../../services/clock';
import { waitFor } from '../../../support/notices/waitFor';
import { button, makeHarness, people, SentNotice, textOf } from '../../../support/conversationHarness';

class FakeTimersClock extends ManualClock {
  constructor(private readonly timers: sinon.SinonFakeTimers) {
    super(new Date(Date.now()));
  }
  override now(): Date {
    return new Date(Date.now());
  }
  override set(at: Date | string): void {
    this.timers.setSystemTime(new Date(at));
  }
}

const DAY = 24 * 60 * 60 * 1000;
const DP600 = 'Microsoft Certified: Fabric Analytics Engineer Associate';
const toAdmin = (sent: SentNotice[]) => sent.filter((n) => n.ref.userId === people.contosoAdmin.userId);

describe('the skills report names who renews soon', () => {
  async function reportIn(conversationType: 'personal' | 'channel') {
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    const h = await makeHarness({ clock });
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    await h.say(people.contosoAdmin, 'help'); // CertLink can reach the admin in their personal chat
    clock.set('2026-08-01T09:00:00Z'); // DP-600 expires on 2 October: within 90 days
    return { h, card: textOf(await h.say(people.contosoAdmin, 'skills report', { conversationType })) };
  }

  it('in the admin’s personal chat: the people and their certifications', async () => {
    const { card } = await reportIn('personal');
    assert.match(card, /Who, in the next 90 days/);
    assert.match(card, new RegExp(`Alice Martin\\s*${DP600}, October 2, 2026 \\(UTC\\)`));
  });

  it('in a channel: only the counts there, the names in the admin’s personal chat', async () => {
    const { h, card } = await reportIn('channel');
    assert.doesNotMatch(card, /Alice/);
    assert.match(card, /Expiring in the next 90 days \(1\)/);
    assert.match(card, /Who they are is in your personal chat with me/);
    await waitFor(() => toAdmin(h.sentNotices).some((n) => /Alice Martin/.test(textOf(n.card))), 'the names in the personal chat');
    const names = toAdmin(h.sentNotices).find((n) => /Alice Martin/.test(textOf(n.card)))!;
    assert.match(textOf(names.card), /Contoso: certifications expiring in the next 90 days/);
    assert.equal(names.ref.conversationId, `conv-${people.contosoAdmin.userId}-personal`);
  });
});

describe('the monthly digest', () => {
  let timers: sinon.SinonFakeTimers;
  beforeEach(() => {
    timers = sinon.useFakeTimers({ now: new Date('2026-01-05T09:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => timers.restore());

  async function harness() {
    const h = await makeHarness({ clock: new FakeTimersClock(timers), noticeWorkers: true });
    const alice = (await h.stores.profiles.get('10203040'))!;
    // One certification expiring in March 2026, one renewed already that was due then.
    await h.stores.profiles.upsert({
      ...alice,
      certifications: [
        { number: 'AZ-204', title: 'Microsoft Certified: Azure Developer Associate', type: 'certification', earnedOn: '2025-03-16', expiresOn: '2026-03-16' },
        { number: 'SC-300', title: 'Microsoft Certified: Identity and Access Administrator Associate', type: 'certification', earnedOn: '2024-03-25', expiresOn: '2027-03-25' },
      ],
    });
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    return h;
  }
  const digests = (h: { sentNotices: SentNotice[] }) =>
    toAdmin(h.sentNotices)
      .map((n) => textOf(n.card))
      .filter((t) => /renewals due in|renouvellements dus en/.test(t));

  it('is opt-in per admin, comes on the first of each month with next month’s expiries and renewals, and stops on unsubscribe', async () => {
    const h = await harness();
    await timers.tickAsync(40 * DAY);
    assert.deepEqual(digests(h), [], 'nobody subscribed: no digest');
    assert.match(textOf(await h.say(people.contosoAdmin, 'subscribe to the monthly digest')), /on the first day of each month/);
    await timers.tickAsync(30 * DAY); // past 1 March
    const [march] = digests(h);
    assert.equal(digests(h).length, 1);
    assert.match(march, /Contoso: renewals due in April 2026/);
    // Nothing of Alice's expires in April; the next digest is about May.
    assert.match(march, /Expiring in April 2026 \(0\)/);
    await h.say(people.contosoAdmin, 'unsubscribe from the monthly digest');
    assert.equal(await h.notices.prefs.noticesEnabled(people.contosoAdmin.tenantId, people.contosoAdmin.userId), true, 'other notices stay on');
    await timers.tickAsync(90 * DAY);
    assert.equal(digests(h).length, 1, 'no digest after unsubscribing');
  });

  it('lists who expires and who renewed, in French for an admin who writes in French', async () => {
    const h = await harness();
    assert.match(textOf(await h.say(people.contosoAdmin, "s'abonner au résumé mensuel", { locale: 'fr-FR' })), /le premier jour de chaque mois/);
    await timers.tickAsync(28 * DAY); // past 1 February: the digest about March
    const [february] = digests(h);
    assert.match(february, /Contoso : renouvellements dus en mars 2026/);
    assert.match(february, /Expirent en mars 2026 \(1\)/);
    assert.match(february, /Alice Martin : Microsoft Certified: Azure Developer Associate, 16 mars 2026 \(UTC\)/);
    assert.match(february, /Déjà renouvelées, arrivaient à échéance en mars 2026 \(1\)/);
    assert.match(february, /Alice Martin : Microsoft Certified: Identity and Access Administrator Associate, 25 mars 2026 \(UTC\)/);
    await timers.tickAsync(28 * DAY); // past 1 March
    assert.equal(digests(h).length, 2, 'once a month');
  });

  it('an admin who erases their data gets no more digest', async () => {
    const h = await harness();
    const admin = people.contosoAdmin;
    await h.say(admin, 'subscribe to the monthly digest');
    assert.equal(await h.notices.digests.isSubscribed(admin.tenantId, admin.userId, '1234567'), true);
    await h.click(admin, button(await h.say(admin, 'delete my data'), 'privacy.erase.confirm'));
    assert.equal(await h.notices.digests.isSubscribed(admin.tenantId, admin.userId, '1234567'), false);
    await timers.tickAsync(90 * DAY);
    assert.equal(digests(h).length, 0);
  });

  it('is for admins only', async () => {
    const h = await harness();
    assert.match(textOf(await h.say(people.alice, 'subscribe to the monthly digest')), /This is for admins/);
    await timers.tickAsync(60 * DAY);
    assert.equal(h.sentNotices.filter((n) => /renewals due in/.test(textOf(n.card))).length, 0);
  });
});
