/** Conversations the card tour (test/support/cardTour.ts) cannot reach by scenes alone. */
import sinon from 'sinon';
import { TeamRoster } from '../../bot/teams/teamRoster';
import { ManualClock } from '../../services/clock';
import { RosterMember } from '../../services/notices/reminders';
import { actionsOf, cardsIn, Collector, Step } from './cardTourCollector';
import { CHANNEL, Language, link, LOCALE, mention, START } from './cardTourScenes';
import { makeHarness, people, Person, SendOptions } from './conversationHarness';

/** Conversations the scenes cannot reach by themselves: time passing, a roster, two admins at once, a mention. */
export async function stories(c: Collector, language: Language): Promise<void> {
  const locale = LOCALE[language];
  const keep = (where: string, step: Step) => {
    c.keep(where, language, step);
    return step;
  };
  const personal = { locale };
  const inChannel: SendOptions = { locale, conversationType: 'channel', conversationId: CHANNEL };

  // "You can link again": refused today, told on the first allowed day (the notice worker on sinon's fake timers).
  {
    const timers = sinon.useFakeTimers({ now: new Date(START), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const clock = new (class extends ManualClock {
        override now(): Date {
          return new Date(Date.now());
        }
      })(START);
      const h = await makeHarness({ clock, noticeWorkers: true });
      await link(h, people.hugoAtContoso);
      keep('Hugo at Fabrikam, linked from Contoso today: "link my certification"', c.replies(await h.say(people.hugoAtFabrikam, language === 'en' ? 'link my certification' : 'lier ma certification', personal)));
      await timers.tickAsync(31 * 24 * 3600 * 1000);
      c.steps++;
      c.notices(h, 0, 'Hugo at Fabrikam, refused, 31 days later: the notice worker', language);
      await h.notices.stop();
    } finally {
      timers.restore();
    }
  }

  // An admin invites the team's members who have not linked.
  {
    const members: RosterMember[] = [people.alice, people.benoit].map((p) => ({ tenantId: p.tenantId, userId: p.userId }));
    const roster: TeamRoster = {
      async *pages() {
        yield members;
      },
      async openPersonalChat(_turn, m) {
        return { serviceUrl: 'https://smba.example.test/', conversationId: `a:new-${m.userId}`, tenantId: m.tenantId, userId: m.userId, botId: '28:certlink', locale: language };
      },
    };
    const h = await makeHarness({ clock: new ManualClock(START), roster });
    const where = 'Contoso admin, team channel: "remind members who have not linked"';
    keep(where, c.replies(await h.say(people.contosoAdmin, language === 'en' ? 'remind members who have not linked' : 'relancer les membres qui n’ont pas lié', inChannel)));
    c.notices(h, 0, where, language);
  }

  // An admin asks for the report in a channel: the download links go to their personal chat, where they chatted before.
  {
    const h = await makeHarness({ clock: new ManualClock(START) });
    await link(h, people.alice);
    await h.say(people.contosoAdmin, language === 'en' ? 'help' : 'aide', personal);
    const where = 'Contoso admin, team channel: "skills report", the downloads sent to the personal chat';
    keep(where, c.replies(await h.say(people.contosoAdmin, language === 'en' ? 'skills report' : 'rapport des compétences', inChannel)));
    await new Promise((resolve) => setImmediate(resolve));
    c.notices(h, 0, where, language);
  }

  // Two removal cards for the same person: the second, confirmed after the first, finds nothing to remove.
  {
    const h = await makeHarness({ clock: new ManualClock(START) });
    await link(h, people.alice);
    const ask = language === 'en' ? 'remove alice@contoso.com from the report' : 'supprimer alice@contoso.com du rapport';
    const where = 'Contoso admin, team channel: two removal cards for Alice, both confirmed';
    const first = keep(where, c.replies(await h.say(people.contosoAdmin, ask, inChannel)));
    const second = keep(where, c.replies(await h.say(people.contosoAdmin, ask, inChannel)));
    for (const s of [first, second]) {
      const confirm = actionsOf(cardsIn(s)).find((a) => a.verb === 'admin.remove.confirm');
      if (confirm) keep(where, c.invoke(await h.click(people.contosoAdmin, { verb: confirm.verb as string, cardId: confirm.cardId ?? '' }, inChannel)));
    }
  }

  // A partner admin tries to name another (global admins only), with a real @mention.
  {
    const h = await makeHarness({ clock: new ManualClock(START) });
    const grant = (by: Person, who: Person, text: string) => h.raw(h.activity(by, { type: 'message', text, ...mention(who, who.name) }, inChannel));
    c.replies(await grant(people.contosoAdmin, people.benoit, `<at>CertLink</at> make <at>${people.benoit.name}</at> partner admin`));
    const ask = language === 'en' ? `<at>CertLink</at> make <at>${people.alice.name}</at> partner admin` : `<at>CertLink</at> nommer <at>${people.alice.name}</at> administrateur partenaire`;
    keep('Benoît, partner admin, team channel: names Alice partner admin (@mention)', c.replies(await grant(people.benoit, people.alice, ask)));
  }
}
