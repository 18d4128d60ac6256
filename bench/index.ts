/**
 * `npm run bench`: every scenario listed below against the same connector stand-in,
 * printed as one Markdown table beside the echo baseline. 
 *
 * Knobs (environment): BENCH_CONVERSATIONS (default 10), BENCH_DURATION_MS (default 5000),
 * BENCH_WARMUP_MS (default 1000), BENCH_ONLY (comma-separated names: echo, certlink status,
 * certlink link (message + confirm), report, notices), BENCH_NOTICES (default 100000), BENCH_VERBOSE=1.
 */
import { startFakeConnector } from '../test/support/fakeConnector';
import { runScenario, ScenarioResult } from './runScenario';
import { linkScenario, statusScenario } from './certlinkScenarios';
import { echoScenario } from './scenarios';
import { formatReportBench, runReportBench } from './reportBench';
import { runNoticeBench } from './noticeBench';

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

  // The admin report at scale (issue 3): 100,000 linked people on Redis. BENCH_ONLY skips it unless named.
  if (!only || only.includes('report')) {
    process.stderr.write('bench: report (100,000 linked people)...\n');
    console.log(`\n${formatReportBench(await runReportBench()).join('\n')}`);
  }

  // Proactive notices (issue 4): 100,000 due notices to a connector stand-in. BENCH_NOTICES sets the count.
  if (!only || only.includes('notices')) {
    process.stderr.write('bench: notices...\n');
    console.log('');
    const notices = await runNoticeBench({ notices: envInt('BENCH_NOTICES', 100_000) });
    if (notices.lost > 0 || notices.duplicated > 0) failed = true;
  }
  if (failed) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
