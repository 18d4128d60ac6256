/**
 * Who the card tour (test/support/cardTour.ts) talks as, where, and in what state: its scenes, and
 * the phrases people say in each language.
 */
import { Activity } from 'botbuilder';
import { button, HarnessOptions, makeHarness, people, Person, SendOptions } from './conversationHarness';

export type Harness = Awaited<ReturnType<typeof makeHarness>>;
export type Language = 'en' | 'fr';
export type Where = NonNullable<SendOptions['conversationType']>;

export const LOCALE: Record<Language, string> = { en: 'en-US', fr: 'fr-FR' };
export const START = '2026-01-05T09:00:00Z';
export const CHANNEL = '19:general@thread.tacv2';
export const GROUP_CHAT = '19:group-chat@thread.v2';

/** What people say, beside the examples the help cards quote. */
export const PHRASES: Record<Language, { personal: string[]; shared: string[] }> = {
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

export interface Scene {
  name: string;
  person: Person;
  where: Where;
  options?: HarnessOptions;
  /** Brings the people into the scene's state, in English, before it starts. */
  setup?: (h: Harness) => Promise<void>;
}

/** Opening moves: a phrase, or the app being added to the conversation. */
export type Opener = { say: string } | { event: 'installed' | 'added'; activity: Partial<Activity> };

export function sendOptions(scene: Scene, language: Language): SendOptions {
  const conversationId = scene.where === 'channel' ? CHANNEL : scene.where === 'groupChat' ? GROUP_CHAT : undefined;
  return { locale: LOCALE[language], conversationType: scene.where, conversationId };
}

export async function link(h: Harness, person: Person): Promise<void> {
  await h.click(person, button(await h.say(person, 'link my certification'), 'link.confirm'));
}

/** A Partner University account linked as its sign-in would (test/bot/features/employee/partnerCenterFidelityAccess.test.ts drives that sign-in). */
async function linkUniversity(h: Harness, person: Person): Promise<void> {
  await h.services.university.link(person.tenantId, person.userId, `${person.userId}@partneruniversity.example`);
}

export function mention(person: Person, name: string): Partial<Activity> {
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
