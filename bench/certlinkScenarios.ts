/**
 * CertLink's own turns for `npm run bench`, on the real bot process (dist/bot/index.js)
 * with Redis, member lookups at the connector stand-in, and cards: the same path as Teams.
 * Bench data (one org, one profile per conversation) is generated into a temp folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WireActivity } from '../scripts/wireTypes';
import type { Scenario } from './runScenario';
import { BENCH_REDIS_URL, spawnNode, teamsTurn } from './scenarios';
import { createRedis, deleteKeysByPrefix, waitUntilReady } from '../services/redis/redisConnection';

const BENCH_TENANT = 'bench-tenant';
/** One profile per link: each link turn links a new person, as a real roll-out would. */
const PEOPLE = 20_000;

function aadId(index: number): string {
  return `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`;
}

function writeBenchData(): { orgsFile: string; profilesFile: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'certlink-bench-'));
  const orgsFile = path.join(dir, 'orgs.json');
  const profilesFile = path.join(dir, 'profiles.json');
  writeFileSync(orgsFile, JSON.stringify({ orgs: [{ mpnId: '5550001', name: 'Bench Org', tenantIds: [BENCH_TENANT], globalAdmins: [] }] }));
  const profiles = Array.from({ length: PEOPLE }, (_, i) => ({
    mcid: String(90000000 + i),
    firstName: 'Bench',
    lastName: `Person ${i}`,
    emails: [`person${i}@bench.example`],
    certifications: [
      { number: 'AZ-104', title: 'Microsoft Certified: Azure Administrator Associate', type: 'certification', earnedOn: '2025-04-02', expiresOn: '2026-04-02' },
      { number: 'AZ-900', title: 'Microsoft Certified: Azure Fundamentals', type: 'certification', earnedOn: '2024-01-10' },
    ],
  }));
  writeFileSync(profilesFile, JSON.stringify({ profiles }));
  return { orgsFile, profilesFile };
}

const data = writeBenchData();

/** Where a CertLink bench bot keeps its state: Redis (the product's path), or the embedded store. */
export type BenchStore = 'redis' | 'memory';

/** The SDK the bench bot runs on (BOT_RUNTIME): botbuilder, the default, or the Microsoft 365 Agents SDK. */
export type BenchRuntime = 'botbuilder' | 'agents';

/**
 * The bot on Redis under its own key prefix, which cleanup() deletes once the bot has stopped; or
 * on the embedded in-memory store (no REDIS_URL), which measures CertLink's turn with storage free.
 */
function certlink(store: BenchStore, runtime: BenchRuntime): Pick<Scenario, 'spawn' | 'cleanup'> {
  const files = { ORGS_FILE: data.orgsFile, PROFILES_FILE: data.profilesFile, BOT_RUNTIME: runtime };
  if (store === 'memory') return { spawn: (port: number) => spawnNode('bot/index.js', port, { ...files, REDIS_URL: '' }) };
  const prefix = `bench:${randomBytes(4).toString('hex')}:`;
  return {
    spawn: (port: number) => spawnNode('bot/index.js', port, { REDIS_URL: BENCH_REDIS_URL, REDIS_KEY_PREFIX: prefix, ...files }),
    cleanup: async () => {
      const redis = createRedis(BENCH_REDIS_URL);
      try {
        await waitUntilReady(redis);
        await deleteKeysByPrefix(redis, prefix);
      } finally {
        redis.disconnect();
      }
    },
  };
}

/** Row names: the Redis rows on botbuilder are the plain ones; the embedded store's and the Agents SDK's say so. */
function rowName(name: string, store: BenchStore, runtime: BenchRuntime): string {
  return `${name}${store === 'redis' ? '' : ' (in-memory store)'}${runtime === 'agents' ? ' (Agents SDK)' : ''}`;
}

let sent = 0;

/** A unique activity id per post: CertLink (rightly) ignores a redelivered id, and warm-up reuses seq numbers. */
function turn(index: number, seq: number, text: string): WireActivity {
  const a = teamsTurn(index, seq, text);
  return { ...a, id: `${a.id}-${++sent}`, channelData: { tenant: { id: BENCH_TENANT } } };
}

/** The bench's people as the Teams member API knows them; every CertLink row registers the same ones. */
const registerPeople: Scenario['prepare'] = (connector) => {
  connector.setRoster(
    Array.from({ length: PEOPLE }, (_, i) => ({ id: `29:bench-user-${i}`, aadObjectId: aadId(i), email: `person${i}@bench.example`, userPrincipalName: `person${i}@bench.example`, name: `Bench ${i}` }) as never),
  );
};

const cardText = (reply: WireActivity): string => JSON.stringify(reply.attachments?.[0]?.content ?? reply.text ?? '');

export function makeStatusScenario(store: BenchStore, runtime: BenchRuntime = 'botbuilder'): Scenario {
  return {
    name: rowName('certlink status', store, runtime),
    ...certlink(store, runtime),
    prepare: registerPeople,
    makeActivity: (index, seq) => turn(index, seq, 'when can I link again?'),
    checkReply: (reply) => cardText(reply).includes('You can link now'),
  };
}

/**
 * The link turn, whole: "link my certification" (member lookup, profile, rules, confirmation
 * card) then the Confirm click (compare-and-set on Redis, indexes, result card). Each pair
 * links a new person, in that person's own personal chat (Teams gives each user-bot chat its own
 * conversation id); both activities are counted.
 */
export function makeLinkScenario(store: BenchStore, runtime: BenchRuntime = 'botbuilder'): Scenario {
  // Each scenario keeps its own people and cards: two link rows may run in one bench.
  const lastCardId = new Map<number, string>();
  const currentPerson = new Map<number, number>();
  let nextPerson = 0;
  /** A new person at each message (warm-up included), the same one for its Confirm click. */
  const personOf = (index: number, seq: number, assign = false): number => {
    if (assign && seq % 2 === 0) currentPerson.set(index, nextPerson++ % PEOPLE);
    return currentPerson.get(index) ?? 0;
  };
  const linkTurn = (index: number, seq: number): WireActivity => {
    const person = personOf(index, seq, true);
    const base = turn(index, seq, 'link my certification');
    const from = { id: `29:bench-user-${person}`, name: `Bench ${person}`, aadObjectId: aadId(person) };
    const conversation = { ...base.conversation!, id: `a:bench-link-${person}` };
    if (seq % 2 === 0) return { ...base, from, conversation };
    const verb = 'link.confirm';
    return { ...base, from, conversation, type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb, data: { cardId: lastCardId.get(index) ?? 'none' } } } };
  };
  return {
    name: rowName('certlink link (message + confirm)', store, runtime),
    ...certlink(store, runtime),
    prepare: registerPeople,
    makeActivity: linkTurn,
    checkReply: (reply, index, seq) => {
      const person = personOf(index, seq);
      if (seq % 2 === 1) return JSON.stringify(reply.value ?? '').includes('Linked to Bench Org');
      const actions = (reply.attachments?.[0]?.content as { actions?: { verb?: string; data?: { cardId?: string } }[] } | undefined)?.actions ?? [];
      const confirm = actions.find((a) => a.verb === 'link.confirm');
      if (confirm?.data?.cardId) lastCardId.set(index, confirm.data.cardId);
      return cardText(reply).includes(`Use person${person}@bench.example to associate my Microsoft Learning account`);
    },
  };
}

export const statusScenario = makeStatusScenario('redis');
export const linkScenario = makeLinkScenario('redis');
/** The same two rows on the Agents SDK runtime (BOT_RUNTIME=agents), measured in the same run. */
export const agentsScenarios = [makeStatusScenario('redis', 'agents'), makeLinkScenario('redis', 'agents')];
/** Opt-in rows (BENCH_ONLY): the same turns with storage free, the floor of CertLink's own cost per turn. */
export const inMemoryScenarios = [makeStatusScenario('memory'), makeLinkScenario('memory')];
