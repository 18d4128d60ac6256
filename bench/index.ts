/**
 * `npm run bench`: every scenario listed below against the same connector stand-in,
 * printed as one Markdown table beside the echo baseline.
 *
 * All bots run at once and are measured in alternating slices (round 1: echo, status, link;
 * round 2: link, status, echo; ...), so the machine's speed, which swings by 15 % from one
 * moment to the next on a shared host, weighs on every scenario alike.
 *
 * Knobs (environment): BENCH_CONVERSATIONS (default 10), BENCH_DURATION_MS (one slice, default 2500),
 * BENCH_ROUNDS (slices per scenario, default 6), BENCH_WARMUP_ACTIVITIES (per bot, before any slice, default 8000),
 * BENCH_ONLY (comma-separated names: echo, echo on CertLink's adapter, echo + 2 Redis reads + card, certlink status, certlink link (message + confirm),
 * certlink status (Agents SDK), certlink link (message + confirm) (Agents SDK), report,
 * notices; or, only when named, "certlink status (in-memory store)" and "certlink link (message + confirm) (in-memory store)"), BENCH_NOTICES (default 100000), BENCH_VERBOSE=1,
 * BENCH_LOG_LEVEL (the bots' LOG_LEVEL; default info, the level CertLink ships with, so its per-turn log line is measured).
 */
import { startFakeConnector } from '../scripts/connectorStandIn';
import { combineSlices, ratioRange, RunningScenario, SliceResult, startScenario } from './runScenario';
import { defaultScenarios, everyScenario } from './scenarioList';
import { BENCH_REDIS_URL, echoScenario } from './scenarios';
import { redisCpuSeconds } from './redisCpu';
import { createRedis, waitUntilReady } from '../services/redis/redisConnection';
import { formatReportBench, runReportBench } from './reportBench';
import { runNoticeBench } from './noticeBench';
import { renderTable } from './table';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return n;
}

async function main(): Promise<void> {
  const conversations = envInt('BENCH_CONVERSATIONS', 10);
  const sliceMs = envInt('BENCH_DURATION_MS', 2500);
  const warmupActivities = envInt('BENCH_WARMUP_ACTIVITIES', 8000);
  const rounds = envInt('BENCH_ROUNDS', 6);
  const only = process.env.BENCH_ONLY?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // The in-memory rows run only when named: CertLink's turns with no Redis at all.
  const selected = only ? everyScenario.filter((s) => only.includes(s.name)) : defaultScenarios;

  // Replies are counted through onReply, not kept: a long run would otherwise hold every one.
  const connector = await startFakeConnector({ keepReplies: false });
  // Asks Redis for its own CPU time around each slice; without Redis the column says n/a.
  const redis = createRedis(BENCH_REDIS_URL, { connectionName: 'certlink-bench' });
  await waitUntilReady(redis).catch(() => undefined);
  const running: RunningScenario[] = [];
  const slices = new Map<string, SliceResult[]>();
  let failed = false;
  try {
    for (const scenario of selected) {
      process.stderr.write(`bench: starting ${scenario.name}...\n`);
      running.push(await startScenario(scenario, { connector, conversations, warmupActivities, redisCpuSeconds: () => redisCpuSeconds(redis) }));
    }
    for (let round = 1; round <= rounds; round++) {
      // Alternate the order, so no scenario always comes right after the same one.
      for (const bot of round % 2 === 1 ? running : [...running].reverse()) {
        const slice = await bot.measure(sliceMs);
        slices.set(bot.name, [...(slices.get(bot.name) ?? []), slice]);
        const r = combineSlices(bot.name, [slice]);
        process.stderr.write(
          `bench: round ${round}/${rounds}: ${bot.name}: ${r.perSecond.toFixed(0)}/s, p99 ${r.p99.toFixed(1)} ms, CPU ms/activity: bot ${r.botCpuMsPerActivity.toFixed(2)}, Redis ${r.redisCpuMsPerActivity.toFixed(2)}, harness ${r.harnessCpuMsPerActivity.toFixed(2)}\n`,
        );
        if (slice.errors > 0) {
          failed = true;
          process.stderr.write(`bench: ${bot.name}: ${slice.errors} failed turns, e.g.\n  ${slice.errorSamples.join('\n  ')}\n`);
        }
      }
    }
  } finally {
    for (const bot of running) await bot.stop();
    await connector.close();
    redis.disconnect();
  }
  const echoSlices = slices.get(echoScenario.name);
  const rows = [...slices].map(([name, of]) => {
    const r = combineSlices(name, of);
    return {
      scenario: name,
      perSecond: r.perSecond,
      p50: r.p50,
      p99: r.p99,
      botCpuMs: r.botCpuMsPerActivity,
      redisCpuMs: r.redisCpuMsPerActivity,
      harnessCpuMs: r.harnessCpuMsPerActivity,
      errors: r.errors,
      ratioRange: name === echoScenario.name ? undefined : ratioRange(of, echoSlices),
    };
  });

  console.log(`\n${conversations} concurrent conversations, ${warmupActivities} warm-up activities per bot, then ${rounds} alternating slices of ${sliceMs / 1000} s per scenario, node ${process.version}\n`);
  console.log(renderTable(rows));

  // The admin report at scale: 100,000 linked people on Redis. BENCH_ONLY skips it unless named.
  if (!only || only.includes('report')) {
    process.stderr.write('bench: report (100,000 linked people)...\n');
    console.log(`\n${formatReportBench(await runReportBench()).join('\n')}`);
  }

  // Proactive notices: 100,000 due notices to a connector stand-in. BENCH_NOTICES sets the count.
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
