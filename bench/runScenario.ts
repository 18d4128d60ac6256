/**
 * Starts one bench scenario's bot, waits until it is healthy, warms it up, then measures it in
 * slices until it is stopped: the bench keeps every bot running and alternates slices between
 * them, so a change in the machine's speed falls on all scenarios alike. The connector stand-in
 * lives in the bench process so reply arrival and POST start are timed on the same clock.
 */
import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { WireActivity } from '../scripts/wireTypes';
import type { FakeConnector } from '../scripts/connectorStandIn';
import { generateLoad, LoadResult, percentile } from './loadGenerator';

export interface Scenario {
  /** Row name in the table; the baseline is called 'echo'. */
  name: string;
  /**
   * Starts the bot under test listening on 127.0.0.1:`port` (a free port the harness picked)
   * and returns its process, which the harness stops with SIGTERM afterwards. Or returns the
   * URL of a bot that is already running (the harness then leaves it alone).
   */
  spawn: (port: number) => ChildProcess | string;
  /** Turn `seq` of conversation `conversationIndex`; one conversation.id per conversation. */
  makeActivity: (conversationIndex: number, seq: number) => WireActivity;
  /** Replies that complete one turn (default 1). */
  repliesPerTurn?: number;
  /** Optional check of each reply, so a bot that answers the wrong thing fast does not look good. */
  checkReply?: (reply: WireActivity, conversationIndex: number, seq: number) => boolean;
  /** One-time setup at the connector before the run, e.g. connector.setMember(...) for email lookups. */
  prepare?: (connector: FakeConnector) => void | Promise<void>;
  /** Runs after the bot under test has stopped, e.g. to delete the data it wrote. */
  cleanup?: () => Promise<void>;
}

/** A warm-up stops here even short of its count (a bot too slow to reach it): up front, before a slice. */
const WARMUP_MAX_MS = 120_000;
const SLICE_WARMUP_MAX_MS = 10_000;

export interface StartOptions {
  connector: FakeConnector;
  conversations?: number;
  /**
   * Activities thrown away once the bot is healthy, before any slice is measured (default 8000):
   * V8 optimizes a function after enough calls, not after enough seconds, so every bot gets the
   * same number of turns to reach its steady state, however fast it runs. With a few seconds
   * instead, every bot was still speeding up in its first measured rounds, and a bot with more code
   * (CertLink) needs more turns to get there.
   */
  warmupActivities?: number;
  /** How long to wait for GET /healthz after spawning (default 20000 ms). */
  startTimeoutMs?: number;
  /** The Redis server's CPU seconds so far (see redisCpu.ts), read around each slice; none or null = unknown. */
  redisCpuSeconds?: () => Promise<number | null>;
}

/** One measured stretch of load on one bot. */
export interface SliceResult extends LoadResult {
  /** CPU seconds (user + system) the bot process spent during the slice; NaN when unknown. */
  botCpuSeconds: number;
  /** CPU seconds the Redis server spent during the slice (idle bots' background polling included); NaN when unknown. */
  redisCpuSeconds: number;
  /** CPU seconds this bench process spent during the slice: the load generator and the connector stand-in. */
  harnessCpuSeconds: number;
}

export interface ScenarioResult extends LoadResult {
  name: string;
  /** CPU time (user + system) the bot process spent per completed activity, in ms; NaN when unknown. */
  botCpuMsPerActivity: number;
  /** The same for the Redis server; NaN when unknown. */
  redisCpuMsPerActivity: number;
  /** The same for the bench process (load generator and connector stand-in). */
  harnessCpuMsPerActivity: number;
}

/** A bot under test, started, healthy and warm, measured slice by slice until stopped. */
export interface RunningScenario {
  name: string;
  /**
   * Puts load on the bot for `durationMs` after a discarded warm-up of `warmupActivities` (default
   * 1000). A bot left idle while the others were measured is slower for a while (seen even after a
   * long warm-up; probably V8's memory reducer shrinking the idle heap, and keep-alive sockets may
   * have closed): that is not what a turn costs.
   */
  measure(durationMs: number, warmupActivities?: number): Promise<SliceResult>;
  stop(): Promise<void>;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the command name (which may hold spaces) start at ") ": utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksPerSecond = 100; // USER_HZ on Linux
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function waitHealthy(url: string, child: ChildProcess | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`bot exited with code ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`bot at ${url} was not healthy within ${timeoutMs} ms`);
}

/** SIGTERM, then SIGKILL after 5 s. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!killed) {
    child.kill('SIGKILL');
    await exited;
  }
}

export async function startScenario(scenario: Scenario, options: StartOptions): Promise<RunningScenario> {
  const port = await freePort();
  const spawned = scenario.spawn(port);
  const child = typeof spawned === 'string' ? null : spawned;
  const url = typeof spawned === 'string' ? spawned.replace(/\/$/, '') : `http://127.0.0.1:${port}`;
  const stopBot = async (): Promise<void> => {
    if (child) await stopProcess(child);
    await scenario.cleanup?.();
  };
  const load = {
    botUrl: url,
    connector: options.connector,
    conversations: options.conversations ?? 10,
    makeActivity: scenario.makeActivity,
    repliesPerTurn: scenario.repliesPerTurn,
    checkReply: scenario.checkReply,
  };
  try {
    await waitHealthy(url, child, options.startTimeoutMs ?? 20_000);
    await scenario.prepare?.(options.connector);
    await generateLoad({ ...load, maxTurns: options.warmupActivities ?? 8000, durationMs: WARMUP_MAX_MS });
  } catch (err) {
    await stopBot();
    throw err;
  }
  return {
    name: scenario.name,
    async measure(durationMs, warmupActivities = 1000) {
      if (warmupActivities > 0) await generateLoad({ ...load, maxTurns: warmupActivities, durationMs: SLICE_WARMUP_MAX_MS });
      const redisBefore = (await options.redisCpuSeconds?.()) ?? null;
      const harnessBefore = process.cpuUsage();
      const cpuBefore = processCpuSeconds(child?.pid);
      const result = await generateLoad({ ...load, durationMs });
      const cpuAfter = processCpuSeconds(child?.pid);
      const harness = process.cpuUsage(harnessBefore);
      const redisAfter = (await options.redisCpuSeconds?.()) ?? null;
      return { ...result, botCpuSeconds: spent(cpuBefore, cpuAfter), redisCpuSeconds: spent(redisBefore, redisAfter), harnessCpuSeconds: (harness.user + harness.system) / 1e6 };
    },
    stop: stopBot,
  };
}

/** CPU seconds between two readings; NaN when either could not be read. */
function spent(before: number | null, after: number | null): number {
  return before !== null && after !== null ? after - before : NaN;
}

/**
 * One scenario's slices as one result: turns and seconds added up, latency percentiles over
 * every turn of every slice, CPU per activity over the whole measured time.
 */
export function combineSlices(name: string, slices: SliceResult[]): ScenarioResult {
  const count = slices.reduce((n, s) => n + s.count, 0);
  const seconds = slices.reduce((n, s) => n + s.seconds, 0);
  const cpu = slices.reduce((n, s) => n + s.botCpuSeconds, 0);
  const redisCpu = slices.reduce((n, s) => n + s.redisCpuSeconds, 0);
  const harnessCpu = slices.reduce((n, s) => n + s.harnessCpuSeconds, 0);
  const perActivityMs = (seconds: number): number => (count > 0 ? (seconds * 1000) / count : NaN);
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  return {
    name,
    count,
    seconds,
    perSecond: seconds > 0 ? count / seconds : 0,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    latencies,
    errors: slices.reduce((n, s) => n + s.errors, 0),
    errorSamples: slices.flatMap((s) => s.errorSamples).slice(0, 5),
    botCpuMsPerActivity: perActivityMs(cpu),
    redisCpuMsPerActivity: perActivityMs(redisCpu),
    harnessCpuMsPerActivity: perActivityMs(harnessCpu),
  };
}

/** Each round's throughput against echo's in the same round: the spread says how much to trust the pooled ratio. */
export function ratioRange(slices: SliceResult[], echo: SliceResult[] | undefined): [number, number] | undefined {
  if (!echo || echo.length !== slices.length) return undefined;
  const ratios = slices.map((s, i) => s.perSecond / echo[i].perSecond).filter(Number.isFinite);
  return ratios.length ? [Math.min(...ratios), Math.max(...ratios)] : undefined;
}
