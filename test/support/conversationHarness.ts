/**
 * Drives CertLink, composed as the process composes it (bot/app.ts), through botbuilder-testing's
 * TestAdapter (or its Agents SDK twin when BOT_RUNTIME=agents, test/support/testRuntime.ts) as Teams would: messages from named people in their tenants, and Action.Execute
 * clicks on the cards the bot sent. Embedded stores and a manual clock by default.
 */
import path from 'node:path';
import { Activity, TestAdapter } from 'botbuilder';
import pino from 'pino';
import { composeCertLink } from '../../bot/app';
import { Env, loadConfig } from '../../bot/config';
import { PersonNotifier } from '../../bot/features/admin';
import { AgentsRuntime, AgentsServedBot } from '../../bot/runtime/agents/agentsRuntime';
import { BotbuilderRuntime, ServedBot } from '../../bot/runtime/botbuilder/botbuilderRuntime';
import type { Turn } from '../../bot/runtime/turn';
import { MemberEmailLookup, MemberLookup } from '../../bot/teams/memberEmail';
import { MemberNameLookup } from '../../bot/teams/memberNames';
import { MemberIdLookup } from '../../bot/teams/mentions';
import { TeamRoster } from '../../bot/teams/teamRoster';
import { AssociationStore } from '../../services/association/associationStore';
import { AssociationLimits, DEFAULT_LIMITS } from '../../services/association/types';
import { ManualClock } from '../../services/clock';
import { loadProfilesFile } from '../../services/directory/directoryFiles';
import { DocumentStore } from '../../services/kv/documentStore';
import { OnceStore } from '../../services/kv/onceStore';
import { memoryNoticeStores } from '../../services/memory/memoryNoticeStores';
import { ConversationRef, NoticeTransport, SendResult } from '../../services/notices/types';
import { createStores, Stores } from '../../services/storeFactory';
import { AgentsTestAdapter } from './agentsTestAdapter';
import { TEST_RUNTIME, TestRuntime } from './testRuntime';

export const CONTOSO_TENANT = '6c1f3c4e-2a5b-4c8d-9e0f-1a2b3c4d5e6f';
export const FABRIKAM_TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const UNKNOWN_TENANT = '00000000-dead-4000-8000-000000000000';

export interface Person {
  userId: string;
  tenantId: string;
  email: string | null;
  name: string;
}

/** People of the sample data (data/*.sample.json), as Teams would present them. */
export const people = {
  alice: { userId: 'aad-alice', tenantId: CONTOSO_TENANT, email: 'alice@contoso.com', name: 'Alice Martin' },
  benoit: { userId: 'aad-benoit', tenantId: CONTOSO_TENANT, email: 'benoit@contoso.com', name: 'Benoît Lefèvre' },
  hugoAtContoso: { userId: 'aad-hugo-contoso', tenantId: CONTOSO_TENANT, email: 'hugo@contoso.com', name: 'Hugo Bernard' },
  hugoAtFabrikam: { userId: 'aad-hugo-fabrikam', tenantId: FABRIKAM_TENANT, email: 'hugo.bernard@fabrikam.com', name: 'Hugo Bernard' },
  bob: { userId: 'aad-bob', tenantId: CONTOSO_TENANT, email: 'bob@contoso.com', name: 'Bob NoProfile' },
  mallory: { userId: 'aad-mallory', tenantId: CONTOSO_TENANT, email: 'mallory@contoso.com', name: 'Mallory' },
  contosoAdmin: { userId: '00000000-0000-4000-8000-0000000000a1', tenantId: CONTOSO_TENANT, email: 'admin@contoso.com', name: 'Contoso Admin' },
  fabrikamAdmin: { userId: '00000000-0000-4000-8000-0000000000b1', tenantId: FABRIKAM_TENANT, email: 'admin@fabrikam.com', name: 'Fabrikam Admin' },
  stranger: { userId: 'aad-stranger', tenantId: UNKNOWN_TENANT, email: 'x@unknown.example', name: 'Stranger' },
} satisfies Record<string, Person>;

export interface HarnessOptions {
  clock?: ManualClock;
  oauthConnectionName?: string;
  /** UNIVERSITY_OAUTH_CONNECTION_NAME: Partner University's own sign-in (default none: not offered). */
  universityOauthConnectionName?: string;
  /** Where conversation state is kept; default the stores' documents, as in the process. */
  sessionDocuments?: DocumentStore;
  /** Whole stores (e.g. Redis from createStores); the parts below override pieces of the default memory stores. */
  stores?: Stores;
  associationStore?: AssociationStore;
  once?: OnceStore;
  documents?: DocumentStore;
  /** Just the person's email (taken as their UPN, a member of the tenant); `members` says more. */
  memberEmail?: MemberEmailLookup;
  /** Who Teams says each person is (email, UPN, guest); default: the `people` above, members whose UPN is their email. */
  members?: MemberLookup;
  memberIds?: MemberIdLookup;
  /** Names the admin cards show; default: the names of `people` (as a team's member lookup would give them). */
  memberNames?: MemberNameLookup;
  notifier?: PersonNotifier;
  /** Run the notice worker (in-process scheduler on real timers; use sinon fake timers to travel). */
  noticeWorkers?: boolean;
  /** Where notices go; default: recorded in `sentNotices`. */
  noticeTransport?: NoticeTransport;
  /** The team roster for admin reminders; default none. */
  roster?: TeamRoster;
  /** Notices on Redis (BullMQ, Redis refs and settings) under keyPrefix, at this URL; needs Redis `stores`. Call `notices.stop()` after. */
  noticesRedisUrl?: string;
  /** The association limits (default DEFAULT_LIMITS: 3 a year, 30 days apart). */
  limits?: AssociationLimits;
  /** The runtime CertLink runs on; default the one under test (BOT_RUNTIME). */
  runtime?: TestRuntime;
  /** SESSION_STATE_TTL_DAYS in seconds, as the app passes it (default none: kept with no time limit). */
  sessionStateTtlSeconds?: number;
}

export interface SentNotice {
  ref: ConversationRef;
  card: { content: Record<string, unknown> };
}

export interface SendOptions {
  locale?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  conversationId?: string;
  id?: string;
}

let counter = 0;

const root = path.resolve(__dirname, '..', '..', '..');

/** The sample profiles of data/profiles.sample.json, e.g. to seed Redis stores. */
export function sampleProfiles() {
  return loadProfilesFile(path.join(root, 'data/profiles.sample.json'));
}

/** The harness's settings as environment variables, read by the same loadConfig as the process. */
function harnessEnv(opts: HarnessOptions, limits: AssociationLimits): Env {
  return {
    LOG_LEVEL: 'silent',
    OAUTH_CONNECTION_NAME: opts.oauthConnectionName ?? '',
    UNIVERSITY_OAUTH_CONNECTION_NAME: opts.universityOauthConnectionName ?? '',
    DOWNLOAD_SIGNING_SECRET: 'test-signing-secret-that-is-long-enough-000',
    PUBLIC_BASE_URL: 'https://certlink.example.test',
    SESSION_STATE_TTL_DAYS: String(Math.round((opts.sessionStateTtlSeconds ?? 0) / 86400)),
    LIMIT_MAX_PER_WINDOW: String(limits.maxPerWindow),
    LIMIT_WINDOW_DAYS: String(limits.windowDays),
    LIMIT_WINDOW_KIND: limits.windowKind,
    LIMIT_COOLDOWN_DAYS: String(limits.cooldownDays),
    // Conversations here repeat commands on purpose; test/bot/security/rateLimit.test.ts tests the limits.
    RATE_LIMIT_LINK_ATTEMPTS: '0',
    RATE_LIMIT_ADMIN_COMMANDS: '0',
  };
}

export async function makeHarness(opts: HarnessOptions = {}) {
  const clock = opts.clock ?? new ManualClock('2026-01-05T09:00:00Z');
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const memory = await createStores({ redisUrl: null, clock, profiles: sampleProfiles() });
  const stores: Stores = opts.stores ?? {
    ...memory,
    associations: opts.associationStore ?? memory.associations,
    once: opts.once ?? memory.once,
    documents: opts.documents ?? memory.documents,
  };
  const byUserId = new Map(Object.values(people).map((p) => [p.userId, p.email]));
  const nameByUserId = new Map<string, string>(Object.values(people).map((p) => [p.userId, p.name]));
  const sentNotices: SentNotice[] = [];
  const recording: NoticeTransport = {
    send: async (ref: ConversationRef, card: object): Promise<SendResult> => {
      sentNotices.push({ ref, card: card as SentNotice['card'] });
      return { ok: true };
    },
  };
  const config = loadConfig(harnessEnv(opts, limits));
  const log = pino({ level: 'silent' });
  const runtimeName = opts.runtime ?? TEST_RUNTIME;
  const runtime = runtimeName === 'agents' ? new AgentsRuntime(config, log) : new BotbuilderRuntime(config, log);
  const composed = await composeCertLink(config, log, {
    clock,
    // Notices on Redis only when asked (and on standalone Redis: a cluster keeps them in process).
    stores: opts.noticesRedisUrl ? stores : { ...stores, notices: memoryNoticeStores(clock) },
    runtime,
    sessionDocuments: opts.sessionDocuments,
    noticeTransport: opts.noticeTransport ?? recording,
    runNoticeWorkers: opts.noticeWorkers ?? false,
    members: opts.members,
    memberEmail: opts.memberEmail ?? { emailOf: async (turn: Turn) => byUserId.get(turn.activity.from?.aadObjectId ?? '') ?? null },
    memberNames: opts.memberNames ?? { namesOf: async (_turn: Turn, ids: readonly string[]) => new Map(ids.flatMap((id) => (nameByUserId.has(id) ? [[id, nameByUserId.get(id)!] as const] : []))) },
    memberIds: opts.memberIds ?? { aadObjectIdOf: async (_turn: Turn, teamsId: string) => (teamsId.startsWith('29:') ? teamsId.slice(3) : null) },
    notifier: opts.notifier,
    roster: opts.roster,
  });
  const { services } = composed;
  const { notices } = services;
  const associationStore = stores.associations;
  // The same turn logic the runtime runs for POST /api/messages, driven by a test adapter.
  const adapter = runtimeName === 'agents' ? new AgentsTestAdapter((composed.endpoint as AgentsServedBot).logic) : new TestAdapter((composed.endpoint as ServedBot).logic);

  function activity(person: Person, partial: Partial<Activity>, o: SendOptions): Partial<Activity> {
    const conversationType = o.conversationType ?? 'personal';
    return {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example.test/',
      id: o.id ?? `act-${++counter}`,
      from: { id: `29:${person.userId}`, aadObjectId: person.userId, name: person.name },
      recipient: { id: '28:certlink', name: 'CertLink' },
      conversation: {
        id: o.conversationId ?? `conv-${person.userId}-${conversationType}`,
        tenantId: person.tenantId,
        conversationType,
        isGroup: conversationType !== 'personal',
        name: '',
      },
      channelData: { tenant: { id: person.tenantId } },
      locale: o.locale ?? 'en-US',
      ...partial,
    };
  }

  /**
   * Runs one activity and returns what the bot sent in reply to it. Turns may overlap (a double
   * click), so each takes only its own replies (replyToId) out of the adapter's shared queue.
   */
  async function run(a: Partial<Activity>): Promise<Partial<Activity>[]> {
    await adapter.processActivity(a);
    const mine = adapter.activeQueue.filter((x) => x.replyToId === a.id);
    const others = adapter.activeQueue.filter((x) => x.replyToId !== a.id);
    adapter.activeQueue.splice(0, adapter.activeQueue.length, ...others);
    return mine;
  }

  return {
    adapter,
    clock,
    services,
    composed,
    notices,
    sentNotices,
    stores,
    associationStore,
    /** Sends a message; returns what the bot replied. */
    say: (person: Person, text: string, o: SendOptions = {}) => run(activity(person, { type: 'message', text }, o)),
    /** Sends an Action.Execute click; returns the invoke response's card (or error) body. */
    click: async (person: Person, button: ClickTarget, o: SendOptions = {}) => {
      const out = await run(activity(person, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: button.verb, data: { cardId: button.cardId } }, trigger: 'manual' } }, o));
      const response = out.find((x) => x.type === 'invokeResponse')?.value as { status: number; body: { statusCode: number; value: unknown } };
      return { status: response?.status, body: response?.body, others: out.filter((x) => x.type !== 'invokeResponse') };
    },
    raw: run,
    activity,
  };
}

export interface ClickTarget {
  verb: string;
  cardId: string;
}

/** A button on a card, as the card's JSON has it. */
export interface CardAction {
  type?: string;
  title?: string;
  verb?: string;
  data?: { cardId?: string; msteams?: { type?: string; text?: string } };
}

/** Every button on some cards, in order: each card's actions (its overflow menu included) and those of any ActionSet in its body. */
export function cardActions(cards: unknown): CardAction[] {
  const out: CardAction[] = [];
  const walk = (node: unknown, inActions: boolean): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, inActions));
    else if (node && typeof node === 'object') {
      const action = node as CardAction;
      if (inActions && action.type?.startsWith('Action.')) out.push(action);
      for (const [key, value] of Object.entries(node)) walk(value, key === 'actions');
    }
  };
  walk(cards, false);
  return out;
}

/** Every Action.Execute button on the cards of some replies. */
export function buttons(replies: Partial<Activity>[] | unknown): (ClickTarget & { title: string })[] {
  const cards = Array.isArray(replies) ? replies.flatMap((r: Partial<Activity>) => (r.attachments ?? []).map((a) => a.content)) : [replies];
  return cardActions(cards).flatMap((a) => (a.type === 'Action.Execute' && a.verb && a.data?.cardId ? [{ verb: a.verb, cardId: a.data.cardId, title: a.title ?? '' }] : []));
}

/** What the menu buttons (messageBack) of the first reply's card send, as if typed. */
export function menuCommands(replies: Partial<Activity>[]): string[] {
  const card = replies[0]?.attachments?.[0]?.content as { actions?: { data?: { msteams?: { text?: string } } }[] } | undefined;
  return (card?.actions ?? []).map((a) => a.data?.msteams?.text ?? '');
}

export function button(replies: Partial<Activity>[] | unknown, verb: string): ClickTarget & { title: string } {
  const found = buttons(replies).find((b) => b.verb === verb);
  if (!found) throw new Error(`No ${verb} button in ${JSON.stringify(replies).slice(0, 600)}`);
  return found;
}

/** All the visible text of some replies (plain text and card text), for assertions. */
export function textOf(replies: Partial<Activity>[] | unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value']) if (typeof o[key] === 'string') parts.push(o[key] as string);
      for (const [k, v] of Object.entries(o)) if (k !== 'text' && typeof v === 'object') walk(v);
    }
  };
  walk(replies);
  return parts.join('\n');
}
