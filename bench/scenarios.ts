/**
 * The bench's scenarios, run in this order; 'echo' is the baseline every row is compared with.
 *
 * To add one (e.g. CertLink's "status" or "link" turn):
 *   1. Write a Scenario: `spawn(port)` starts the real bot as a child process on that port, e.g.
 *        spawnNode('dist/bot/index.js', port, { ORGS_FILE: ..., PROFILES_FILE: ... })
 *      (the bot must serve GET /healthz; MicrosoftAppId is forced empty so it runs in local mode).
 *   2. `makeActivity(conversationIndex, seq)` returns the incoming activity; give each
 *      conversation its own conversation.id and from.id (see teamsTurn below); serviceUrl is
 *      filled in by the harness.
 *   3. If the turn looks people up, `prepare(connector)` registers them with connector.setMember().
 *      If a turn sends more than one activity, set repliesPerTurn; use checkReply to make sure
 *      the bot answered what it should (a fast wrong answer must not look good).
 *   4. Add it to the list in bench/index.ts. Keep each run short: the whole bench should stay under ~60 s.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { WireActivity } from '../scripts/wireTypes';
import { Scenario } from './runScenario';

const distRoot = path.resolve(__dirname, '..');

/** The Redis the bench's bots use (BENCH_REDIS_URL, else the local one). */
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Spawns `node <dist-relative script>` listening on `port`, in local mode, at the log level
 * CertLink ships with (info; BENCH_LOG_LEVEL changes it): a CertLink bot writes its one JSON line
 * per turn, as it would in production, so the bench counts that cost too (the echo bot logs
 * nothing per turn). The child's stdout/stderr are shown only with BENCH_VERBOSE=1, and otherwise
 * go to /dev/null.
 */
export function spawnNode(script: string, port: number, env: Record<string, string> = {}): ChildProcess {
  const verbose = process.env.BENCH_VERBOSE === '1';
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the bot under test.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // BENCH_NODE_WRAPPER, e.g. "valgrind --tool=callgrind", runs node under that command (bench/instructionCount.ts).
  const [wrapper, ...wrapperArgs] = (process.env.BENCH_NODE_WRAPPER ?? '').split(' ').filter(Boolean);
  const command = wrapper ? [wrapper, ...wrapperArgs, process.execPath] : [process.execPath];
  return spawn(command[0], [...command.slice(1), ...nodeArgs, path.join(distRoot, script)], {
    env: { ...process.env, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', ...env, PORT: String(port), METRICS_PORT: '0', MicrosoftAppId: '', MicrosoftAppPassword: '' },
    stdio: ['ignore', verbose ? 'inherit' : 'ignore', verbose ? 'inherit' : 'ignore'],
  });
}

/** A Teams personal-chat message for conversation `index`, turn `seq`. */
export function teamsTurn(index: number, seq: number, text: string): WireActivity {
  return {
    type: 'message',
    id: `bench-${index}-${seq}`,
    channelId: 'msteams',
    from: { id: `29:bench-user-${index}`, name: `Bench User ${index}`, aadObjectId: `00000000-0000-0000-0000-${String(index).padStart(12, '0')}` },
    recipient: { id: '28:bench-bot', name: 'CertLink' },
    conversation: { id: `a:bench-conversation-${index}`, conversationType: 'personal', tenantId: 'bench-tenant', isGroup: false, name: '' },
    text,
    locale: 'en-US',
  };
}

export const echoScenario: Scenario = {
  name: 'echo',
  spawn: (port) => spawnNode('bench/echoBot.js', port),
  makeActivity: (index, seq) => teamsTurn(index, seq, `ping ${index}.${seq}`),
  checkReply: (reply, index, seq) => reply.text === `echo: ping ${index}.${seq}`,
};

/**
 * The same echo bot on CertLink's adapter (replies posted straight to the connector, the SDK's
 * clients made once): what CertLink's turns would be measured against if the yardstick had the
 * same plumbing. The target is against the plain echo bot; this row says how much of
 * CertLink's ratio comes from its adapter rather than from its own logic.
 */
export const echoOnCertLinkAdapterScenario: Scenario = {
  name: "echo on CertLink's adapter",
  spawn: (port) => spawnNode('bench/echoBot.js', port, { BENCH_ECHO_ADAPTER: 'certlink' }),
  makeActivity: echoScenario.makeActivity,
  checkReply: echoScenario.checkReply,
};

/**
 * Round trips the status turn waits for, one after another: the claim with the conversation state and the
 * reads ahead (person, email index), then the profile with its record and erased starts (bot/features/turnReads.ts).
 */
export const REFERENCE_REDIS_READS = 2;

/** The echo bot doing what any status turn must: sequential Redis reads, then a card. No CertLink logic. */
export const referenceScenario: Scenario = {
  name: `echo + ${REFERENCE_REDIS_READS} Redis reads + card`,
  spawn: (port) => spawnNode('bench/echoBot.js', port, { REDIS_URL: BENCH_REDIS_URL, BENCH_ECHO_REDIS_READS: String(REFERENCE_REDIS_READS), BENCH_ECHO_CARD: '1' }),
  makeActivity: (index, seq) => teamsTurn(index, seq, `ping ${index}.${seq}`),
  checkReply: (reply, index, seq) => JSON.stringify(reply.attachments?.[0]?.content ?? '').includes(`echo: ping ${index}.${seq}`),
};
