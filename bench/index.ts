/**
 * `npm run bench`: every scenario listed below against the same connector stand-in,
 * printed as one Markdown table beside the echo baseline. 
 *
 * Knobs (environment): BENCH_CONVERSATIONS (default 10), BENCH_DURATION_MS (default 5000),
 * BENCH_WARMUP_MS (default 1000), BENCH_ONLY (comma-separated scenario names), BENCH_VERBOSE=1.
 */
import { startFakeConnector } from '../test/support/fakeConnector';
import { runScenario, ScenarioResult } from './runScenario';
import { linkScenario, statusScenario } from './certlinkScenarios';
import { echoScenario } from './scenarios';

const scenarios = [echoScenario, statusScenario, linkScenario];
import { renderTable } from './table';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return n;
}

async function main(): Promise<void> {
  const conversations = envInt('BENCH_CONVERSATIONS', 10);
  const durationMs = envInt('BENCH_DURATION_MS', 5000);
  const warmupMs = envInt('BENCH_WARMUP_MS', 1000);
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const selected = only ? scenarios.filter((s) => only.includes(s.name)) : scenarios;

  // Replies are counted through onReply, not kept: a 5 s run would otherwise hold every one.
  const connector = await startFakeConnector({ keepReplies: false });
  const results: ScenarioResult[] = [];
  let failed = false;
  try {
    for (const scenario of selected) {
      process.stderr.write(`bench: ${scenario.name} (${conversations} conversations, ${durationMs} ms)...\n`);
      const result = await runScenario(scenario, { connector, conversations, durationMs, warmupMs });
      results.push(result);
      if (result.errors > 0) {
        failed = true;
        process.stderr.write(`bench: ${scenario.name}: ${result.errors} failed turns, e.g.\n  ${result.errorSamples.join('\n  ')}\n`);
      }
    }
  } finally {
    await connector.close();
  }

  console.log(`\n${conversations} concurrent conversations, ${durationMs / 1000} s per scenario, node ${process.version}\n`);
  console.log(renderTable(results.map((r) => ({ scenario: r.name, perSecond: r.perSecond, p50: r.p50, p99: r.p99, errors: r.errors }))));
  if (failed) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
