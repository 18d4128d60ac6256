/**
 * `npm run bench`: every scenario listed below against the same connector stand-in,
 * printed as one Markdown table beside the echo baseline. 
 *
 * Knobs (environment): BENCH_CONVERSATIONS (default 10), BENCH_DURATION_MS (default 5000), BENCH_ROUNDS (default 3),
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
  // Several rounds, each running every scenario in turn, so a moment of noise on a shared machine
  // hits one round, not one scenario; the table shows each scenario's median over the rounds.
  const rounds = envInt('BENCH_ROUNDS', 3);
  const perScenario = new Map<string, ScenarioResult[]>();
  let failed = false;
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const scenario of selected) {
        process.stderr.write(`bench: round ${round}/${rounds}: ${scenario.name} (${conversations} conversations, ${durationMs} ms)...\n`);
        const result = await runScenario(scenario, { connector, conversations, durationMs, warmupMs });
        perScenario.set(scenario.name, [...(perScenario.get(scenario.name) ?? []), result]);
        process.stderr.write(`bench:   ${result.perSecond.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, bot CPU ${result.botCpuMsPerActivity.toFixed(2)} ms/activity\n`);
        if (result.errors > 0) {
          failed = true;
          process.stderr.write(`bench: ${scenario.name}: ${result.errors} failed turns, e.g.\n  ${result.errorSamples.join('\n  ')}\n`);
        }
      }
    }
  } finally {
    await connector.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const results = [...perScenario].map(([name, runs]) => ({
    name,
    perSecond: median(runs.map((r) => r.perSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    botCpuMs: median(runs.map((r) => r.botCpuMsPerActivity)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  }));

  console.log(`\n${conversations} concurrent conversations, ${durationMs / 1000} s per scenario, median of ${rounds} rounds, node ${process.version}\n`);
  console.log(renderTable(results.map((r) => ({ scenario: r.name, perSecond: r.perSecond, p50: r.p50, p99: r.p99, botCpuMs: r.botCpuMs, errors: r.errors }))));

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
