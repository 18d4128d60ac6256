/**
 * Renewal reminders through the conversation, on the embedded store: time travels with sinon's
 * fake timers (the in-process scheduler's timers and Date both move). Alice's profile (sample
 * data) holds DP-600, expiring on 2 October 2026: its window opens 180 days before (5 April),
 * its last call 30 days before (2 September); AZ-104 expires on 2 April 2027.
 */
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { ManualClock } from '../../../../services/clock';
import { InProcessNoticeScheduler } from '../../../../services/memory/inProcessNoticeScheduler';
import { importPartnerCenterExport } from '../../../../services/report/partnerCenterImport';
import { planOrgRenewals } from '../../../../services/renewals/renewalPlanner';
import { CertificationProfile } from '../../../../services/directory/types';
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

const renewalTexts = (sent: SentNotice[]) => sent.map((n) => textOf(n.card)).filter((t) => /renew|renouvel/i.test(t));
const openUrls = (n: SentNotice) => ((n.card.content.actions ?? []) as { type: string; url?: string }[]).filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url);

describe('renewal reminders in the conversation', () => {
  let timers: sinon.SinonFakeTimers;

  beforeEach(() => {
    timers = sinon.useFakeTimers({ now: new Date('2026-01-05T09:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => timers.restore());

  async function linkedAlice(locale = 'en-US') {
    const h = await makeHarness({ clock: new FakeTimersClock(timers), noticeWorkers: true });
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification', { locale }), 'link.confirm'), { locale });
    await timers.tickAsync(0); // the reminders are queued in the background of the link
    return h;
  }

  it('a certification entering its window brings one reminder, then one last call, in English', async () => {
    const h = await linkedAlice();
    await timers.tickAsync(89 * DAY); // 4 April: the window opens tomorrow
    assert.equal(renewalTexts(h.sentNotices).length, 0);
    await timers.tickAsync(2 * DAY);
    const first = h.sentNotices.filter((n) => /renew/i.test(textOf(n.card)));
    assert.equal(first.length, 1, 'one reminder');
    assert.equal(first[0].ref.userId, people.alice.userId);
    const text = textOf(first[0].card);
    assert.match(text, new RegExp(`Time to renew ${DP600}`));
    assert.match(text, /expires on 2 October 2026 \(UTC\), in 180 days/);
    assert.match(text, /free on Microsoft Learn/);
    assert.deepEqual(openUrls(first[0]), ['https://learn.microsoft.com/en-us/users/me/credentials?tab=credentials-tab']);

    await timers.tickAsync(100 * DAY); // mid-July: nothing new
    assert.equal(renewalTexts(h.sentNotices).length, 1, 'never the same reminder twice');
    await timers.tickAsync(50 * DAY); // past 2 September: the last call
    const texts = renewalTexts(h.sentNotices);
    assert.equal(texts.length, 2);
    assert.match(texts[1], /Last reminder: your certification .*DP-600.* expires on 2 October 2026 \(UTC\), in 30 days/);
  });

  it('speaks French to a person who writes in French', async () => {
    const h = await linkedAlice('fr-FR');
    await timers.tickAsync(91 * DAY);
    const [text] = renewalTexts(h.sentNotices);
    assert.match(text, new RegExp(`Il est temps de renouveler ${DP600}`));
    assert.match(text, /expire le 2 octobre 2026 \(UTC\), dans 180 jours/);
    assert.match(text, /gratuitement sur Microsoft Learn/);
  });

  it('none after "stop notifications"', async () => {
    const h = await linkedAlice();
    assert.match(textOf(await h.say(people.alice, 'stop notifications')), /Notifications are off/);
    await timers.tickAsync(300 * DAY);
    assert.equal(renewalTexts(h.sentNotices).length, 0);
  });

  it('none after an import shows the certification renewed, and the pending reminders are cancelled', async () => {
    const h = await linkedAlice();
    const pending = () => (h.notices.scheduler as InProcessNoticeScheduler).pendingFor(people.alice.tenantId, people.alice.userId);
    assert.ok((await pending()).some((n) => n.renewal?.title === DP600 && n.renewal.expiresOn === '2026-10-02'));
    await timers.tickAsync(30 * DAY); // renewed early, before the window reminder (5 April)
    const csv = [
      'MCPID,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingTitle,TrainingType,TrainingCompletionDate,ExpirationDate,ActivationStatus,MpnId,PartnerName',
      `10203040,Alice,Martin,alice@contoso.com,,${DP600},Certification,2025-10-02,2027-10-02,Active,1234567,Contoso`,
    ].join('\n');
    const before = new Map<string, CertificationProfile | null>();
    const report = await importPartnerCenterExport(csv, '1234567', h.stores.profiles, { onWritten: (was, now) => before.set(now.mcid, was) });
    assert.equal(report.ok, true);
    const plan = await planOrgRenewals('1234567', {
      associations: h.stores.associations,
      profiles: h.stores.profiles,
      scheduler: h.notices.scheduler,
      settings: { windowDays: 180, lastCallDays: 30 },
      now: new Date(Date.now()),
      before,
    });
    assert.ok(plan.cancelled >= 2, 'the window and last-call reminders of the old expiry day');
    assert.ok(!(await pending()).some((n) => n.renewal?.expiresOn === '2026-10-02'));
    await timers.tickAsync(300 * DAY); // past the old expiry: nothing about it
    assert.equal(renewalTexts(h.sentNotices).length, 0);
  });

  it('a reminder left in the queue after a renewal is dropped when it comes due', async () => {
    const h = await linkedAlice();
    const profile = (await h.stores.profiles.get('10203040'))!;
    // The profile renewed without the import's cancelling (a store written by another tool).
    await h.stores.profiles.upsert({ ...profile, certifications: profile.certifications.map((c) => (c.title === DP600 ? { ...c, expiresOn: '2027-10-02' } : c)) });
    await timers.tickAsync(300 * DAY);
    assert.equal(renewalTexts(h.sentNotices).filter((t) => t.includes('DP-600') || t.includes(DP600)).length, 0);
  });
});

describe('"my renewals"', () => {
  it('lists what is due, in English and French, and asks to link first', async () => {
    const clock = new ManualClock('2026-05-01T09:00:00Z');
    const h = await makeHarness({ clock });
    assert.match(textOf(await h.say(people.alice, 'my renewals')), /Link your certification first/);
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    const en = textOf(await h.say(people.alice, 'my renewals'));
    assert.match(en, /Your renewals/);
    assert.match(en, new RegExp(`${DP600} \\(DP-600\\): expires on October 2, 2026 \\(UTC\\), in 154 days`));
    assert.doesNotMatch(en, /AZ-104/, 'not in its window yet');
    const fr = textOf(await h.say(people.alice, 'mes renouvellements', { locale: 'fr-FR' }));
    assert.match(fr, /Vos renouvellements/);
    assert.match(fr, /expire le 2 octobre 2026 \(UTC\), dans 154 jours/);
    clock.set('2027-01-01T09:00:00Z');
    assert.match(textOf(await h.say(people.alice, 'my renewals')), /AZ-104\): expires on April 2, 2027 \(UTC\), in 91 days/);
  });

  it('is answered in personal chat only', async () => {
    const h = await makeHarness({ clock: new ManualClock('2026-05-01T09:00:00Z') });
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    const inChannel = textOf(await h.say(people.alice, 'my renewals', { conversationType: 'channel' }));
    assert.doesNotMatch(inChannel, /DP-600|Fabric/);
  });
});
