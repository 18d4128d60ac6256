/**
 * Every card CertLink sends, collected by talking to it as people do (test/support/conversationHarness.ts):
 * each scene (who is talking, where, in what state) hears every opener (what people say, and the app
 * being added), in English and French; then every button of every card it answers with is pressed,
 * each on its own replay of the conversation, so Confirm and Cancel are both seen. Menu buttons send
 * their text as typed. Proactive messages (notices, invitations, the personal-chat nudge, the removal
 * notice) are collected as the notice transport records them; `stories` adds what no scene reaches
 * alone (time passing, a team roster, a real @mention).
 *
 * The phrases include every example quoted in the help cards, so a command added to the help is
 * explored without touching this file; a new button is pressed because it is on a card.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Activity } from 'botbuilder';
import sinon from 'sinon';
import { TeamRoster } from '../../bot/teams/teamRoster';
import * as render from '../../cards/render';
import { ManualClock } from '../../services/clock';
import { RosterMember } from '../../services/notices/reminders';
import { button, cardActions, HarnessOptions, makeHarness, people, Person, SendOptions } from './conversationHarness';

type Harness = Awaited<ReturnType<typeof makeHarness>>;
export type Language = 'en' | 'fr';
type Where = NonNullable<SendOptions['conversationType']>;

/** One card as it went out, and where in which conversation. */
export interface SentCard {
  where: string;
  language: Language;
  card: Record<string, unknown>;
  /** The whole message that carried it (activity, invoke response body or proactive card), in UTF-8 bytes. */
  bytes: number;
  /** The file in cards/ it was expanded from; undefined for a card built otherwise. */
  template?: string;
}

export interface Tour {
  cards: SentCard[];
  /** Conversation steps taken: messages and events sent, buttons pressed, clocks moved. */
  steps: number;
  /** Attachments that are not Adaptive Cards (e.g. the sign-in card), by content type. */
  otherAttachments: Map<string, number>;
}

const LOCALE: Record<Language, string> = { en: 'en-US', fr: 'fr-FR' };
const START = '2026-01-05T09:00:00Z';
/** How many buttons deep a conversation is followed from what was said first. */
const MAX_PRESSES = 3;
const CHANNEL = '19:general@thread.tacv2';
const GROUP_CHAT = '19:group-chat@thread.v2';

/** What people say, beside the examples the help cards quote. */
const PHRASES: Record<Language, { personal: string[]; shared: string[] }> = {
  en: {
    personal: [
      'help',
      'hello',
      'link my certification',
      'link MCID 10214150',
      'status',
      'my certifications',
      'remove my certification',
      'link Partner University',
      'remove Partner University',
      'remove access',
      'who can see my certifications?',
      'how do I contact support?',
      'I have two MCIDs, how do I merge them?',
      'yes',
      'thanks',
      'blue banana',
      'skills report',
    ],
    shared: ['help', 'skills report', 'audit log', 'list admins', 'remove alice@contoso.com from the report', 'remove 10204151 from the report', 'remind members who have not linked', 'status', 'my data', 'blue banana'],
  },
  fr: {
    personal: [
      'aide',
      'bonjour',
      'lier ma certification',
      'lier le MCID 10214150',
      'statut',
      'mes certifications',
      'supprimer ma certification',
      'lier l’Université partenaire',
      'supprimer l’Université partenaire',
      'supprimer l’accès',
      'qui peut voir mes certifications ?',
      'comment contacter le support technique ?',
      'comment fusionner mes deux profils de certification ?',
      'oui',
      'merci',
      'banane bleue',
      'rapport des compétences',
    ],
    shared: [
      'aide',
      'rapport des compétences',
      'journal d’audit',
      'liste des admins',
      'supprimer alice@contoso.com du rapport',
      'supprimer 10204151 du rapport',
      'relancer les membres qui n’ont pas lié',
      'statut',
      'mes données',
      'banane bleue',
    ],
  },
};

interface Scene {
  name: string;
  person: Person;
  where: Where;
  options?: HarnessOptions;
  /** Brings the people into the scene's state, in English, before it starts. */
  setup?: (h: Harness) => Promise<void>;
}

/** Opening moves: a phrase, or the app being added to the conversation. */
type Opener = { say: string } | { event: 'installed' | 'added'; activity: Partial<Activity> };

function sendOptions(scene: Scene, language: Language): SendOptions {
  const conversationId = scene.where === 'channel' ? CHANNEL : scene.where === 'groupChat' ? GROUP_CHAT : undefined;
  return { locale: LOCALE[language], conversationType: scene.where, conversationId };
}

async function link(h: Harness, person: Person): Promise<void> {
  await h.click(person, button(await h.say(person, 'link my certification'), 'link.confirm'));
}

/** A Partner University account linked as its sign-in would (test/bot/features/employee/partnerCenterFidelity.test.ts drives that sign-in). */
async function linkUniversity(h: Harness, person: Person): Promise<void> {
  await h.services.university.link(person.tenantId, person.userId, `${person.userId}@partneruniversity.example`);
}

function mention(person: Person, name: string): Partial<Activity> {
  return {
    entities: [
      { type: 'mention', mentioned: { id: '28:certlink', name: 'CertLink' }, text: '<at>CertLink</at>' },
      { type: 'mention', mentioned: { id: `29:${person.userId}`, name }, text: `<at>${name}</at>` },
    ],
  };
}

/** A setup: these people link their certification, in turn. */
const linked =
  (...who: Person[]) =>
  async (h: Harness) => {
    for (const person of who) await link(h, person);
  };

const withSignIn: HarnessOptions = { oauthConnectionName: 'learn' };
const emails = new Map(Object.values(people).map((p) => [p.userId, p.email]));
const emailOf = (userId: string | undefined) => emails.get(userId ?? '') ?? null;

export const SCENES: Scene[] = [
  { name: 'Alice, not linked, personal chat', person: people.alice, where: 'personal' },
  { name: 'Alice, linked to Contoso, personal chat', person: people.alice, where: 'personal', setup: linked(people.alice) },
  {
    name: 'Alice, linked, with Partner University, personal chat',
    person: people.alice,
    where: 'personal',
    setup: async (h) => {
      await linked(people.alice)(h);
      await linkUniversity(h, people.alice);
    },
  },
  { name: 'Hugo at Fabrikam, linked from Contoso today (refused), personal chat', person: people.hugoAtFabrikam, where: 'personal', setup: linked(people.hugoAtContoso) },
  { name: 'Bob, no certification profile, personal chat', person: people.bob, where: 'personal' },
  { name: 'Alice, not linked, sign-in on, personal chat', person: people.alice, where: 'personal', options: withSignIn },
  { name: 'Bob, no certification profile, sign-in on, personal chat', person: people.bob, where: 'personal', options: withSignIn },
  {
    name: "Mallory, whose email leads to Alice's linked profile, sign-in on, personal chat",
    person: people.mallory,
    where: 'personal',
    options: { ...withSignIn, memberEmail: { emailOf: async (turn) => (turn.activity.from?.aadObjectId === people.mallory.userId ? 'alice@contoso.com' : emailOf(turn.activity.from?.aadObjectId)) } },
    setup: linked(people.alice),
  },
  { name: 'Contoso admin, team channel, Alice and Benoît linked', person: people.contosoAdmin, where: 'channel', setup: linked(people.alice, people.benoit) },
  { name: 'Contoso admin, team channel, nobody linked', person: people.contosoAdmin, where: 'channel' },
  { name: 'Benoît, no admin role, team channel', person: people.benoit, where: 'channel', setup: linked(people.alice) },
  // Her personal chat is known (she wrote there), so a personal question here is answered there.
  {
    name: 'Alice, group chat',
    person: people.alice,
    where: 'groupChat',
    setup: async (h) => {
      await h.say(people.alice, 'help');
    },
  },
];

/** Cards in some replies (attachments of Adaptive Card type). */
function cardsOf(replies: Partial<Activity>[]): Record<string, unknown>[] {
  return replies.flatMap((r) => (r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Record<string, unknown>));
}

interface Press {
  title: string;
  verb?: string;
  cardId?: string;
  /** A menu button (messageBack): what it sends as if typed. */
  text?: string;
}

/** Every button that sends something (links open a browser and send nothing), in the order of the cards. */
function actionsOf(cards: Record<string, unknown>[]): Press[] {
  return cardActions(cards).flatMap((a): Press[] => {
    if (a.type === 'Action.Execute' && a.verb) return [{ title: a.title ?? '', verb: a.verb, cardId: a.data?.cardId ?? '' }];
    if (a.type === 'Action.Submit' && a.data?.msteams?.type === 'messageBack' && a.data.msteams.text) return [{ title: a.title ?? '', text: a.data.msteams.text }];
    return [];
  });
}

const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x), 'utf8');
const settle = async () => {
  // Proactive messages (the personal-chat nudge) go out in the background of the turn.
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** One step's outcome: the cards sent, each with the size of the message that carried it. */
interface Step {
  cards: { card: Record<string, unknown>; bytes: number }[];
}

class Collector {
  readonly cards: SentCard[] = [];
  readonly otherAttachments = new Map<string, number>();
  steps = 0;

  replies(replies: Partial<Activity>[]): Step {
    this.steps++;
    const cards: Step['cards'] = [];
    for (const r of replies) {
      for (const a of r.attachments ?? []) {
        if (a.contentType === 'application/vnd.microsoft.card.adaptive') cards.push({ card: a.content as Record<string, unknown>, bytes: bytes(r) });
        else this.otherAttachments.set(a.contentType, (this.otherAttachments.get(a.contentType) ?? 0) + 1);
      }
    }
    return { cards };
  }

  invoke(out: { body?: { type?: string; value?: unknown }; others: Partial<Activity>[] }): Step {
    const step = this.replies(out.others);
    if (out.body?.type === 'application/vnd.microsoft.card.adaptive') step.cards.push({ card: out.body.value as Record<string, unknown>, bytes: bytes(out.body) });
    return step;
  }

  keep(where: string, language: Language, step: Step): void {
    for (const c of step.cards) this.cards.push({ where, language, ...c });
  }

  /** Proactive cards the notice transport recorded since `from`. */
  notices(h: Harness, from: number, where: string, language: Language): void {
    for (const n of h.sentNotices.slice(from)) this.cards.push({ where: `${where} (proactive, to ${n.ref.userId})`, language, card: n.card.content, bytes: bytes(n.card) });
  }
}

async function open(h: Harness, c: Collector, scene: Scene, language: Language, opener: Opener): Promise<Step> {
  const o = sendOptions(scene, language);
  if ('say' in opener) return c.replies(await h.say(scene.person, opener.say, o));
  return c.replies(await h.raw(h.activity(scene.person, opener.activity, o)));
}

async function press(h: Harness, c: Collector, scene: Scene, language: Language, button: Press): Promise<Step> {
  const o = sendOptions(scene, language);
  if (button.text !== undefined) return c.replies(await h.say(scene.person, button.text, o));
  return c.invoke(await h.click(scene.person, { verb: button.verb as string, cardId: button.cardId ?? '' }, o));
}

const label = (opener: Opener) => ('say' in opener ? `"${opener.say}"` : `(the app is ${opener.event})`);

/** Where a conversation stands: its harness, what its last step sent, and how it got there. */
interface Visit {
  h: Harness;
  step: Step;
  where: string;
  noticesBefore: number;
}

const cardsIn = (step: Step) => step.cards.map((x) => x.card);

/** The same cards again, their card ids aside. */
export function sameCards(cards: object[]): string {
  return JSON.stringify(cards).replace(/"cardId":"[^"]*"/g, '"cardId":""');
}

/** The scene from its start, and the opener said. */
async function begin(c: Collector, scene: Scene, language: Language, opener: Opener): Promise<Visit> {
  const h = await makeHarness({ clock: new ManualClock(START), ...scene.options });
  await scene.setup?.(h);
  await settle();
  const noticesBefore = h.sentNotices.length;
  const step = await open(h, c, scene, language, opener);
  await settle();
  return { h, step, where: `${scene.name} [${language}]: ${label(opener)}`, noticesBefore };
}

async function pressOn(c: Collector, scene: Scene, language: Language, from: Visit, index: number): Promise<Visit> {
  const button = actionsOf(cardsIn(from.step))[index];
  const noticesBefore = from.h.sentNotices.length;
  const step = await press(from.h, c, scene, language, button);
  await settle();
  return { h: from.h, step, where: `${from.where} → "${button.title}"`, noticesBefore };
}

async function replay(c: Collector, scene: Scene, language: Language, opener: Opener, path: number[]): Promise<Visit> {
  let visit = await begin(c, scene, language, opener);
  for (const index of path) visit = await pressOn(c, scene, language, visit, index);
  return visit;
}

/**
 * Keeps what the visit's last step sent, then presses each button of its cards: the first on this
 * conversation, every other one on a replay of it, so each meets its card unanswered. A card already
 * explored in this scene and language is not explored again.
 */
async function explore(c: Collector, scene: Scene, language: Language, opener: Opener, path: number[], explored: Set<string>, visit: Visit): Promise<void> {
  c.keep(visit.where, language, visit.step);
  c.notices(visit.h, visit.noticesBefore, visit.where, language);
  const buttons = actionsOf(cardsIn(visit.step));
  const key = sameCards(cardsIn(visit.step));
  if (path.length >= MAX_PRESSES || buttons.length === 0 || explored.has(key)) return;
  explored.add(key);
  for (let i = 0; i < buttons.length; i++) {
    const from = i === 0 ? visit : await replay(c, scene, language, opener, path);
    await explore(c, scene, language, opener, [...path, i], explored, await pressOn(c, scene, language, from, i));
  }
}

/** The examples a help card quotes ("…" in English, « … » in French), to be said as they are written. */
function quotedExamples(cards: Record<string, unknown>[], language: Language): string[] {
  const text = JSON.stringify(cards);
  const pattern = language === 'en' ? /\\"([^"\\]{2,80})\\"/g : /«\s*([^»]{2,80}?)\s*»/g;
  return [...text.matchAll(pattern)].map((m) => m[1]);
}

async function openers(scene: Scene, language: Language): Promise<Opener[]> {
  const shared = scene.where !== 'personal';
  const h = await makeHarness({ clock: new ManualClock(START), ...scene.options });
  const help = cardsOf(await h.say(scene.person, language === 'en' ? 'help' : 'aide', sendOptions(scene, language)));
  const phrases = [...PHRASES[language][shared ? 'shared' : 'personal'], ...quotedExamples(help, language)];
  const unique = [...new Map(phrases.map((p) => [p.toLowerCase(), p])).values()];
  const events: Opener[] = shared
    ? [{ event: 'added', activity: { type: 'conversationUpdate', membersAdded: [{ id: '28:certlink', name: 'CertLink' }] } }]
    : [{ event: 'installed', activity: { type: 'installationUpdate', action: 'add' } }];
  return [...events, ...unique.map((say) => ({ say }))];
}

/** Conversations the scenes cannot reach by themselves: time passing, a roster, two admins at once, a mention. */
async function stories(c: Collector, language: Language): Promise<void> {
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

/**
 * Runs every scene and story in both languages. The cards' templates are known by watching
 * cards/render.ts expand them.
 */
export async function runCardTour(languages: Language[] = ['en', 'fr']): Promise<Tour> {
  const expansions = sinon.spy(render, 'renderCard');
  const c = new Collector();
  try {
    for (const language of languages) {
      for (const scene of SCENES) {
        const explored = new Set<string>();
        for (const opener of await openers(scene, language)) await explore(c, scene, language, opener, [], explored, await begin(c, scene, language, opener));
      }
      await stories(c, language);
    }
  } finally {
    expansions.restore();
  }
  const templates = templateNames();
  const templateOf = new Map<string, string>();
  for (const call of expansions.getCalls()) {
    const name = templates.get(call.args[0]);
    if (name) templateOf.set(JSON.stringify(call.returnValue.content), name);
  }
  for (const sent of c.cards) sent.template = templateOf.get(JSON.stringify(sent.card));
  return { cards: c.cards, steps: c.steps, otherAttachments: c.otherAttachments };
}

/** The template objects the card builders import (the same module instances), by file name. */
function templateNames(): Map<object, string> {
  const load = createRequire(__filename);
  const built = (file: string) => existsSync(path.resolve(__dirname, '..', '..', 'cards', file));
  // A template the build never copied is one no code imports: it stays unseen.
  return new Map(
    cardTemplateFiles()
      .filter(built)
      .map((file) => [load(`../../cards/${file}`) as object, file]),
  );
}

/** Every card template in cards/ (the source folder, so one the build does not know of counts too). */
export function cardTemplateFiles(): string[] {
  return readdirSync(path.resolve(__dirname, '..', '..', '..', 'cards'))
    .filter((f) => f.endsWith('.json'))
    .sort();
}
