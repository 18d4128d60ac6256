/**
 * `npm run bench:instructions -- "<scenario>" [activities] [warm-up activities]`: the CPU
 * instructions one bench scenario's bot executes per activity, counted by valgrind's callgrind
 * over every thread of the bot process (garbage collection and JIT compilation included).
 *
 * Timings on this shared 2-core machine swing by 2-4x from one minute to the next; instruction
 * counts do not depend on what else the machine is doing, so they compare two bots (or two
 * versions of one bot) run at different times. Counting starts only after the warm-up, so start-up
 * and the JIT's first compilations are left out. The bot runs about 50 times slower under valgrind:
 * 12,000 warm-up activities and 3,000 counted take 5-10 minutes per scenario.
 *
 * Names as in `npm run bench` (BENCH_ONLY), e.g. "echo" or "certlink status".
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeConnector } from '../scripts/connectorStandIn';
import { callgrindTotal, callgrindWrapper } from './callgrind';
import { generateLoad } from './loadGenerator';
import { freePort, stopProcess, waitHealthy } from './runScenario';
import { everyScenario } from './scenarioList';

/** The share of counted turns that may fail (time limits run out under valgrind) before the count is refused. */
const MAX_FAILED_SHARE = 0.02;

async function main(): Promise<void> {
  const [name, countedArg, warmArg] = process.argv.slice(2);
  const scenario = everyScenario.find((s) => s.name === name);
  if (!scenario) throw new Error(`Name one scenario: ${everyScenario.map((s) => `"${s.name}"`).join(', ')}`);
  const counted = Number(countedArg ?? 3000);
  const warm = Number(warmArg ?? 12000);
  if (!Number.isInteger(counted) || counted <= 0 || !Number.isInteger(warm) || warm < 0) throw new Error('activities must be whole numbers');
  execFileSync('valgrind', ['--version'], { stdio: 'ignore' }); // fails clearly when valgrind is missing

  const outDir = mkdtempSync(path.join(tmpdir(), 'certlink-callgrind-'));
  const connector = await startFakeConnector({ keepReplies: false });
  const port = await freePort();
  // spawnNode reads the wrapper when the scenario starts its bot.
  process.env.BENCH_NODE_WRAPPER = callgrindWrapper(outDir);
  const child = scenario.spawn(port);
  if (typeof child === 'string' || !child.pid) throw new Error('the scenario did not start a bot process');
  const pid = String(child.pid);
  const botUrl = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(botUrl, child, 600_000); // start-up is about 50 times slower under valgrind
    await scenario.prepare?.(connector);
    const load = { botUrl, connector, conversations: 10, makeActivity: scenario.makeActivity, repliesPerTurn: scenario.repliesPerTurn, checkReply: scenario.checkReply, durationMs: 3_600_000, turnTimeoutMs: 120_000 };
    process.stderr.write(`warming up with ${warm} activities under valgrind...\n`);
    if (warm > 0) await generateLoad({ ...load, maxTurns: warm });
    execFileSync('callgrind_control', ['-i', 'on', pid], { stdio: 'ignore' });
    const result = await generateLoad({ ...load, maxTurns: counted });
    execFileSync('callgrind_control', ['-i', 'off', pid], { stdio: 'ignore' });
    execFileSync('callgrind_control', ['-d', pid], { stdio: 'ignore' });
    // Under valgrind the bot runs 50-100 times slower, so now and then one of its own time limits
    // (the 5 s member lookup, the 1.5 s Redis command) runs out before its answer is read. A few such
    // turns change the count by less than they are a share of it; many mean the figure is not a turn's.
    const attempted = result.count + result.errors;
    if (result.errors > attempted * MAX_FAILED_SHARE) throw new Error(`${result.errors} of ${attempted} turns failed, e.g. ${result.errorSamples[0]}`);
    const total = callgrindTotal(outDir, child.pid);
    const failed = result.errors > 0 ? `; ${result.errors} of them failed under valgrind's slowness, e.g. ${result.errorSamples[0]}` : '';
    console.log(`${name}: ${(total / attempted / 1e6).toFixed(2)} M instructions per activity (${attempted} activities after ${warm} warm-up activities${failed})`);
  } finally {
    await stopProcess(child);
    await scenario.cleanup?.();
    await connector.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
