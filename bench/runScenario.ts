/**
 * Runs one bench scenario: starts the bot under test, waits until it is healthy, warms it up,
 * measures, stops it. The connector stand-in lives in the bench process so reply arrival and
 * POST start are timed on the same clock.
 */
import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Activity } from 'botbuilder';
import type { FakeConnector } from '../test/support/fakeConnector';
import { generateLoad, LoadResult } from './loadGenerator';

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
  makeActivity: (conversationIndex: number, seq: number) => Partial<Activity>;
  /** Replies that complete one turn (default 1). */
  repliesPerTurn?: number;
  /** Optional check of each reply, so a bot that answers the wrong thing fast does not look good. */
  checkReply?: (reply: Partial<Activity>, conversationIndex: number, seq: number) => boolean;
  /** One-time setup at the connector before the run, e.g. connector.setMember(...) for email lookups. */
  prepare?: (connector: FakeConnector) => void | Promise<void>;
  /** Runs after the bot under test has stopped, e.g. to delete the data it wrote. */
  cleanup?: () => Promise<void>;
}

export interface RunOptions {
  connector: FakeConnector;
  conversations?: number;
  warmupMs?: number;
  durationMs?: number;
  /** How long to wait for GET /healthz after spawning (default 20000 ms). */
  startTimeoutMs?: number;
}

export interface ScenarioResult extends LoadResult {
  name: string;
  /** CPU time (user + system) the bot process spent per completed activity, in ms; NaN when unknown. */
  botCpuMsPerActivity: number;
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

async function waitHealthy(url: string, child: ChildProcess | null, timeoutMs: number): Promise<void> {
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

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!killed) {
    child.kill('SIGKILL');
    await exited;
  }
}

export async function runScenario(scenario: Scenario, options: RunOptions): Promise<ScenarioResult> {
  const port = await freePort();
  const spawned = scenario.spawn(port);
  const child = typeof spawned === 'string' ? null : spawned;
  const url = typeof spawned === 'string' ? spawned.replace(/\/$/, '') : `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, child, options.startTimeoutMs ?? 20_000);
    await scenario.prepare?.(options.connector);
    const load = {
      botUrl: url,
      connector: options.connector,
      conversations: options.conversations ?? 10,
      makeActivity: scenario.makeActivity,
      repliesPerTurn: scenario.repliesPerTurn,
      checkReply: scenario.checkReply,
    };
    // Warm-up: JIT, connection pools, first-use caches. Its numbers are thrown away.
    await generateLoad({ ...load, durationMs: options.warmupMs ?? 1000 });
    const cpuBefore = processCpuSeconds(child?.pid);
    const result = await generateLoad({ ...load, durationMs: options.durationMs ?? 5000 });
    const cpuAfter = processCpuSeconds(child?.pid);
    const botCpuMsPerActivity = cpuBefore !== null && cpuAfter !== null && result.count > 0 ? ((cpuAfter - cpuBefore) * 1000) / result.count : NaN;
    return { name: scenario.name, ...result, botCpuMsPerActivity };
  } finally {
    if (child) await stop(child);
    await scenario.cleanup?.();
  }
}
