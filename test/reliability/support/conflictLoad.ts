/**
 * Drives link / switch / remove attempts that deliberately conflict against
 * several bot processes at once, through their HTTP API, as Teams would: a
 * message (the reply, a card, goes to the connector stand-in) then a click on
 * the card's button (an invoke answered in the HTTP response), often on
 * another process. Days pass between phases through the bots' file clock.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { WireActivity } from '../../../scripts/wireTypes';
import { DAY_MS } from '../../../services/clock';
import { buttons, textOf } from '../../support/conversationHarness';
import { FakeConnector } from '../../support/fakeConnector';
import { activityFrom, clickActivity, Member, postActivity } from '../../support/liveBot';
import { ScenarioData } from './scenarioData';

export interface LoadOptions {
  botUrls: string[];
  connector: FakeConnector;
  data: ScenarioData;
  attempts: number;
  phases: number;
  /** MCIDs in play during one phase: fewer = more conflicts. */
  hotPerPhase: number;
  concurrency: number;
  seed: number;
}

export interface LoadFigures {
  attempts: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  outcomes: Record<string, number>;
  status5xx: number;
  simulatedDays: number;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTCOME_PATTERNS: [string, RegExp][] = [
  ['switched', /ended in the same step/],
  ['linked', /^Linked to /m],
  ['removed', /Link removed/],
  ['nothingToRemove', /You have no linked certification to remove/],
  ['notOwner', /Only the person who linked this MCID can remove it/],
  ['refusedYearly', /you have used \d+ of \d+ associations allowed a year/],
  ['refusedCooldown', /we require a period of 30 days/],
  ['alreadyLinked', /already linked/i],
  ['ownedByOther', /someone else|another person/i],
  ['alreadyDone', /already done/i],
  ['staleCard', /expired or was already used/],
  ['tryAgain', /changed this record at the same moment/],
  ['unavailable', /temporarily unavailable/],
];

function classify(text: string): string {
  for (const [name, pattern] of OUTCOME_PATTERNS) if (pattern.test(text)) return name;
  return 'other';
}

export async function runConflictLoad(opts: LoadOptions): Promise<LoadFigures> {
  const random = prng(opts.seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const replies = new Map<string, WireActivity[]>();
  const unsubscribe = opts.connector.onReply((r) => {
    if (!r.replyToId) return;
    replies.set(r.replyToId, [...(replies.get(r.replyToId) ?? []), r.activity]);
  });
  const outcomes: Record<string, number> = {};
  const count = (name: string) => {
    outcomes[name] = (outcomes[name] ?? 0) + 1;
  };
  let requests = 0;
  let status5xx = 0;
  let now = new Date(readStart(opts.data.clockFile)).getTime();
  const startedAt = now;

  const post = async (url: string, body: WireActivity) => {
    requests += 1;
    const res = await postActivity(url, body);
    if (res.status >= 500) status5xx += 1;
    return res;
  };

  /** One attempt: ask (message), then click the button the card offers, maybe on another process. */
  const attempt = async (who: Member, kind: 'link' | 'remove'): Promise<void> => {
    const message = activityFrom(who, opts.connector.url, { type: 'message', text: kind === 'link' ? 'link my certification' : 'remove my certification' });
    const asked = await post(pick(opts.botUrls), message);
    const cards = replies.get(message.id as string) ?? [];
    replies.delete(message.id as string);
    if (asked.status >= 300) {
      count(`http${asked.status}`);
      return;
    }
    const verb = kind === 'link' ? 'link.confirm' : 'unlink.confirm';
    const button = buttons(cards).find((b) => b.verb === verb);
    if (!button) {
      count(`${kind}:${classify(textOf(cards))}`);
      return;
    }
    // Sometimes the person double-clicks, on two processes at once.
    const clicks = random() < 0.1 ? 2 : 1;
    const results = await Promise.all(Array.from({ length: clicks }, () => post(pick(opts.botUrls), clickActivity(who, opts.connector.url, button.verb, button.cardId))));
    for (const r of results) count(`${kind}:${r.status >= 300 ? `http${r.status}` : classify(textOf(r.json))}`);
  };

  const started = performance.now();
  const perPhase = Math.ceil(opts.attempts / opts.phases);
  let done = 0;
  for (let phase = 0; phase < opts.phases && done < opts.attempts; phase++) {
    const hot = Array.from({ length: opts.hotPerPhase }, () => Math.floor(random() * opts.data.mcids.length));
    const jobs: (() => Promise<void>)[] = [];
    for (let k = 0; k < perPhase && done < opts.attempts; k++, done++) {
      const i = pick(hot);
      const who = opts.data.people[i][Math.floor(random() * opts.data.orgs.length)];
      const kind = random() < 0.7 ? 'link' : 'remove';
      jobs.push(() => attempt(who, kind));
    }
    await runPool(jobs, opts.concurrency);
    // Days pass: from a few (inside the cooldown) to many (past it).
    now += Math.floor(1 + random() * 45) * DAY_MS;
    writeFileSync(opts.data.clockFile, new Date(now).toISOString());
  }
  unsubscribe();
  const seconds = (performance.now() - started) / 1000;
  return {
    attempts: done,
    requests,
    seconds: Math.round(seconds * 10) / 10,
    requestsPerSecond: Math.round(requests / seconds),
    outcomes: Object.fromEntries(Object.entries(outcomes).sort()),
    status5xx,
    simulatedDays: Math.round((now - startedAt) / DAY_MS),
  };
}

function readStart(file: string): string {
  return readFileSync(file, 'utf8').trim();
}

export async function runPool(jobs: (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      await job();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
}
