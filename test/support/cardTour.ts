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
import sinon from 'sinon';
import * as render from '../../cards/render';
import { ManualClock } from '../../services/clock';
import { actionsOf, cardsIn, cardsOf, Collector, Press, SentCard, Step } from './cardTourCollector';
import { Harness, Language, Opener, PHRASES, Scene, SCENES, sendOptions, START } from './cardTourScenes';
import { stories } from './cardTourStories';
import { makeHarness } from './conversationHarness';

export type { SentCard } from './cardTourCollector';
export type { Language } from './cardTourScenes';
export { SCENES } from './cardTourScenes';

export interface Tour {
  cards: SentCard[];
  /** Conversation steps taken: messages and events sent, buttons pressed, clocks moved. */
  steps: number;
  /** Attachments that are not Adaptive Cards (e.g. the sign-in card), by content type. */
  otherAttachments: Map<string, number>;
}

/** How many buttons deep a conversation is followed from what was said first. */
const MAX_PRESSES = 3;

const settle = async () => {
  // Proactive messages (the personal-chat nudge) go out in the background of the turn.
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

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
