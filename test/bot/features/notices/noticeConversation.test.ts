/**
 * Notices through the conversation: time travels with sinon's fake timers
 * (the in-process scheduler's timers and Date both move), on the embedded store.
 */
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { TeamRoster } from '../../../../bot/teams/teamRoster';
import { ManualClock } from '../../../../services/clock';
import { RosterMember } from '../../../../services/notices/reminders';
import { button, buttons, CONTOSO_TENANT, makeHarness, people, textOf } from '../../../support/conversationHarness';

/** A ManualClock that reads the faked Date, so the rules and the timers agree. */
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

describe('notices in the conversation', () => {
  let timers: sinon.SinonFakeTimers;

  beforeEach(() => {
    timers = sinon.useFakeTimers({ now: new Date('2026-01-05T09:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => timers.restore());

  async function harness() {
    return makeHarness({ clock: new FakeTimersClock(timers), noticeWorkers: true });
  }

  it('a refusal schedules "you can link again" for the first allowed day; it comes once, in the person’s language', async () => {
    const h = await harness();
    await h.click(people.hugoAtContoso, button(await h.say(people.hugoAtContoso, 'link my certification'), 'link.confirm'));
    await timers.tickAsync(10 * DAY);
    const refused = await h.say(people.hugoAtFabrikam, 'lier ma certification', { locale: 'fr-FR' });
    assert.match(textOf(refused), /La prochaine date disponible pour une association est le 4 février 2026/);

    await timers.tickAsync(19 * DAY); // 3 Feb: not yet
    assert.equal(h.sentNotices.length, 0);
    await timers.tickAsync(2 * DAY); // past 4 Feb
    assert.equal(h.sentNotices.length, 1);
    const notice = h.sentNotices[0];
    assert.equal(notice.ref.userId, people.hugoAtFabrikam.userId);
    assert.match(textOf(notice.card), /Vous pouvez de nouveau lier votre certification/);
    await timers.tickAsync(40 * DAY);
    assert.equal(h.sentNotices.length, 1, 'delivered once');

    // "Link now" on the notice starts the person's own link flow.
    const linkNow = await h.click(people.hugoAtFabrikam, { verb: 'link.start', cardId: '' });
    assert.match(textOf(linkNow.body), /Link MCID 10210817 to Fabrikam\?|Lier le MCID 10210817 à Fabrikam/);
    // The same click from a shared conversation (a notice never goes there) shows nobody's profile.
    const inChannel = await h.click(people.hugoAtFabrikam, { verb: 'link.start', cardId: '' }, { conversationType: 'channel' });
    assert.match(textOf(inChannel.body), /only in our personal chat|conversation personnelle/);
    assert.doesNotMatch(textOf(inChannel.body), /10210817/);
  });

  it('a client in a language CertLink does not speak gets the notice in the language the person wrote in', async () => {
    const h = await harness();
    await h.click(people.hugoAtContoso, button(await h.say(people.hugoAtContoso, 'link my certification'), 'link.confirm'));
    await timers.tickAsync(10 * DAY);
    assert.match(textOf(await h.say(people.hugoAtFabrikam, 'lier ma certification', { locale: 'de-DE' })), /Association pas encore possible/);
    await timers.tickAsync(21 * DAY);
    assert.equal(h.sentNotices.length, 1);
    assert.match(textOf(h.sentNotices[0].card), /Vous pouvez de nouveau lier votre certification/);
  });

  it('"Notify me" on the status card schedules the notice and says when', async () => {
    const h = await harness();
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    const status = await h.say(people.alice, 'status');
    const out = await h.click(people.alice, button(status, 'notices.notifyMe'));
    assert.match(textOf(out.body), /I will tell you here on February 4, 2026 \(UTC\)/);
  });

  it('respects "stop notifications", and "start notifications" turns them back on', async () => {
    const h = await harness();
    await h.click(people.hugoAtContoso, button(await h.say(people.hugoAtContoso, 'link my certification'), 'link.confirm'));
    await h.say(people.hugoAtFabrikam, 'link my certification');
    assert.match(textOf(await h.say(people.hugoAtFabrikam, 'stop notifications')), /Notifications are off/);
    await timers.tickAsync(31 * DAY);
    assert.equal(h.sentNotices.length, 0, 'opted out: nothing sent');
    assert.match(textOf(await h.say(people.hugoAtFabrikam, 'arrêter les notifications', { locale: 'fr-FR' })), /désactivées/);
    assert.match(textOf(await h.say(people.hugoAtFabrikam, 'start notifications')), /Notifications are on/);
    assert.equal(await h.notices.prefs.noticesEnabled(people.hugoAtFabrikam.tenantId, people.hugoAtFabrikam.userId), true);
  });

  it('the refusal says the day it will write, or that notifications are off, or nothing when the notice could not be queued', async () => {
    const h = await harness();
    const verbs = (replies: Parameters<typeof buttons>[0]): string[] => buttons(replies).map((b) => b.verb);
    await h.click(people.hugoAtContoso, button(await h.say(people.hugoAtContoso, 'link my certification'), 'link.confirm'));

    const refused = await h.say(people.hugoAtFabrikam, 'link my certification');
    assert.match(textOf(refused), /I will tell you here on February 4, 2026 \(UTC\), the first day you can link again\./);
    // Planned: the card says so, and offers no "Notify me" to ask for it again.
    assert.deepEqual(verbs(refused), []);

    await h.say(people.hugoAtFabrikam, 'stop notifications');
    const refusedOff = await h.say(people.hugoAtFabrikam, 'lier ma certification', { locale: 'fr-FR' });
    assert.match(textOf(refusedOff), /Vos notifications sont désactivées : je ne vous préviendrai pas ce jour-là/);
    assert.doesNotMatch(textOf(refusedOff), /Je vous préviendrai ici/);
    await h.say(people.hugoAtFabrikam, 'start notifications');

    const schedule = sinon.stub(h.notices.scheduler, 'schedule').rejects(new Error('queue down'));
    const refusedUnqueued = await h.say(people.hugoAtFabrikam, 'link my certification');
    schedule.restore();
    assert.doesNotMatch(textOf(refusedUnqueued), /I will tell you here/, 'nothing promised that was not queued');
    assert.deepEqual(verbs(refusedUnqueued), ['notices.notifyMe']);
    // Its click plans the notice and answers with the refusal again, not less.
    const notified = await h.click(people.hugoAtFabrikam, button(refusedUnqueued, 'notices.notifyMe'));
    assert.match(textOf(notified.body), /You have attempted to associate with a partner organization\.[^]*I will tell you here on February 4, 2026/);
  });

  it('a stale notice is not sent: the person linked meanwhile', async () => {
    const h = await harness();
    await h.click(people.hugoAtContoso, button(await h.say(people.hugoAtContoso, 'link my certification'), 'link.confirm'));
    await h.say(people.hugoAtFabrikam, 'link my certification'); // refused, notice for 4 Feb
    timers.setSystemTime(new Date('2026-02-04T08:00:00Z'));
    await h.click(people.hugoAtFabrikam, button(await h.say(people.hugoAtFabrikam, 'link my certification'), 'link.confirm'));
    await timers.tickAsync(2 * DAY);
    // Hugo's account at Contoso is told its MCID moved away; his Fabrikam account gets no stale notice.
    assert.deepEqual(
      h.sentNotices.map((n) => n.ref.userId),
      [people.hugoAtContoso.userId],
    );
  });

  it('forgets the conversation reference when the app is uninstalled', async () => {
    const h = await harness();
    await h.say(people.alice, 'help');
    assert.ok(await h.notices.refs.get(CONTOSO_TENANT, people.alice.userId));
    await h.raw(h.activity(people.alice, { type: 'installationUpdate', action: 'remove' }, {}));
    assert.equal(await h.notices.refs.get(CONTOSO_TENANT, people.alice.userId), null);
    // Installed again: her next message saves the reference at once.
    await h.say(people.alice, 'help');
    assert.ok(await h.notices.refs.get(CONTOSO_TENANT, people.alice.userId));
  });
});

describe('admin reminders over a paged roster', () => {
  it('invites unlinked members once in 30 days and summarizes', async () => {
    const pages: RosterMember[][] = [
      [people.alice, people.benoit].map((p) => ({ tenantId: p.tenantId, userId: p.userId })),
      [people.bob, people.mallory].map((p) => ({ tenantId: p.tenantId, userId: p.userId })),
      [{ tenantId: CONTOSO_TENANT, userId: people.hugoAtContoso.userId }],
    ];
    const opened: string[] = [];
    const roster: TeamRoster = {
      async *pages() {
        for (const page of pages) yield page;
      },
      async openPersonalChat(_ctx, m) {
        opened.push(m.userId);
        return { serviceUrl: 'https://smba.example.test/', conversationId: `a:new-${m.userId}`, tenantId: m.tenantId, userId: m.userId, botId: '28:certlink', locale: 'en' };
      },
    };
    const h = await makeHarness({ roster });
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    await h.say(people.bob, 'stop notifications');

    const summary = textOf(await h.say(people.contosoAdmin, '<at>CertLink</at> remind members who have not linked', { conversationType: 'channel', conversationId: '19:general' }));
    assert.match(summary, /3 sent; skipped: 1 already linked, 1 with notifications off, 0 invited in the last 30 days; 0 could not be reached/);
    assert.deepEqual(h.sentNotices.map((n) => n.ref.userId).sort(), [people.benoit.userId, people.hugoAtContoso.userId, people.mallory.userId].sort());
    assert.match(textOf(h.sentNotices[0].card), /link/i);

    const again = textOf(await h.say(people.contosoAdmin, 'remind members who have not linked', { conversationType: 'channel', conversationId: '19:general' }));
    assert.match(again, /0 sent; .* 3 invited in the last 30 days/);
    // French counts read as "label: n" or "n (what)", right for 0 and 1 too.
    const fr = textOf(await h.say(people.contosoAdmin, 'relancer les membres qui n’ont pas lié', { conversationType: 'channel', conversationId: '19:general', locale: 'fr-FR' }));
    assert.match(fr, /envoyées : 0 ; ignorées : 1 \(déjà lié\), 1 \(notifications désactivées\), 3 \(invité dans les 30 derniers jours\) ; injoignables : 0\./);
    assert.match(textOf(await h.say(people.benoit, 'remind members who have not linked', { conversationType: 'channel', conversationId: '19:general' })), /global admin/i);
  });

  it('tells the removed person in their chat', async () => {
    const h = await makeHarness();
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification', { locale: 'fr-FR' }), 'link.confirm'));
    const confirm = await h.say(people.contosoAdmin, 'remove alice@contoso.com from the report');
    await h.click(people.contosoAdmin, button(confirm, 'admin.remove.confirm'));
    assert.equal(h.sentNotices.length, 1);
    assert.equal(h.sentNotices[0].ref.userId, people.alice.userId);
    assert.match(textOf(h.sentNotices[0].card), /a supprimé votre ID de profil de certification Microsoft/);
  });
});

describe('a personal question asked in a channel or group chat', () => {
  const inChannel = { conversationType: 'channel' as const, conversationId: '19:general' };

  it('is answered in the personal chat when CertLink can reach the person there, at most once a day', async () => {
    const h = await makeHarness();
    await h.say(people.alice, 'aide', { locale: 'fr-FR' }); // her personal chat, in French: its reference is kept
    const settle = () => new Promise((resolve) => setImmediate(resolve)); // the personal message goes in the background

    assert.match(textOf(await h.say(people.alice, 'status', inChannel)), /I answer that only in our personal chat: I have written to you there\./);
    await settle();
    assert.equal(h.sentNotices.length, 1);
    assert.equal(h.sentNotices[0].ref.conversationId, `conv-${people.alice.userId}-personal`);
    // In her personal chat's language, with the personal menu's buttons.
    assert.match(textOf(h.sentNotices[0].card), /Vous m’avez demandé dans une équipe ou une conversation de groupe/);
    assert.match(JSON.stringify(h.sentNotices[0].card), /lier ma certification/);

    await h.say(people.alice, 'link my certification', { ...inChannel, conversationType: 'groupChat' });
    await settle();
    assert.equal(h.sentNotices.length, 1, 'once a day');
    h.clock.set('2026-01-06T09:00:00Z');
    await h.say(people.alice, 'my data', inChannel);
    await settle();
    assert.equal(h.sentNotices.length, 2, 'again the next day');

    // "stop notifications" asked in the channel is not answered by a message; nor is anything else once they are off.
    h.clock.set('2026-01-07T09:00:00Z');
    assert.match(textOf(await h.say(people.alice, 'stop notifications', inChannel)), /Open a chat with CertLink and ask there/);
    await h.say(people.alice, 'stop notifications');
    assert.match(textOf(await h.say(people.alice, 'status', inChannel)), /Open a chat with CertLink and ask there/);
    await settle();
    assert.equal(h.sentNotices.length, 2);

    // Someone CertLink has never chatted with personally: told where to ask, nothing sent.
    assert.match(textOf(await h.say(people.benoit, 'status', inChannel)), /Open a chat with CertLink and ask there/);
    await settle();
    assert.equal(h.sentNotices.length, 2);
  });
});
