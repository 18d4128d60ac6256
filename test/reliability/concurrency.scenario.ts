/**
 * Scenario a: two real bot processes (dist/bot/index.js) on one Redis prefix,
 * 10,000 link / switch / remove attempts that deliberately conflict over 500
 * MCIDs and 3 orgs, days passing between phases (CERTLINK_FAKE_CLOCK_FILE).
 * Then the invariants are checked from Redis: zero violations.
 */
import { strict as assert } from 'node:assert';
import { TEST_REDIS_URL, TestRedis } from '../support/testRedis';
import { startFakeConnector } from '../support/fakeConnector';
import { BotProcess, startBotProcess } from '../support/botProcess';
import { membersOf } from '../support/liveBot';
import { runConflictLoad } from './support/conflictLoad';
import { checkInvariants, totalViolations } from './support/invariants';
import { makeScenarioData } from './support/scenarioData';
import { printFigures } from './support/figures';

export const ATTEMPTS = Number(process.env.RELIABILITY_ATTEMPTS ?? 10000);

export async function concurrencyScenario(redisEnv: Record<string, string>, client: import('../../services/redis/redisConnection').RedisClient, prefix: string, title: string): Promise<void> {
  const data = makeScenarioData(500);
  const connector = await startFakeConnector({ members: membersOf(data.people.flat()) as never, keepReplies: false });
  const bots: BotProcess[] = [];
  try {
    const env = {
      ...redisEnv,
      REDIS_KEY_PREFIX: prefix,
      ORGS_FILE: data.orgsFile,
      PROFILES_FILE: data.profilesFile,
      CERTLINK_FAKE_CLOCK_FILE: data.clockFile,
      RATE_LIMIT_LINK_ATTEMPTS: '0',
      LOG_LEVEL: 'info',
    };
    bots.push(await startBotProcess(env), await startBotProcess(env));
    const figures = await runConflictLoad({
      botUrls: bots.map((b) => b.url),
      connector,
      data,
      attempts: ATTEMPTS,
      phases: 20,
      hotPerPhase: 60,
      concurrency: 48,
      seed: 7,
    });
    const report = await checkInvariants(
      client,
      prefix,
      data.mcids,
      data.orgs.map((o) => o.mpnId),
    );
    const crossSlot = bots.flatMap((b) => b.lines).filter((l) => /CROSSSLOT/.test(l)).length;
    const turnMs = bots
      .flatMap((b) => b.lines)
      .map((l) => (l.startsWith('{') ? (JSON.parse(l) as { msg?: string; ms?: number }) : {}))
      .filter((l) => l.msg === 'turn' && typeof l.ms === 'number')
      .map((l) => l.ms as number)
      .sort((x, y) => x - y);
    const pct = (p: number) => turnMs[Math.min(turnMs.length - 1, Math.floor((p / 100) * turnMs.length))] ?? 0;
    printFigures(title, {
      'bot processes': bots.length,
      attempts: figures.attempts,
      'HTTP requests': figures.requests,
      seconds: figures.seconds,
      'requests/s (both processes)': figures.requestsPerSecond,
      'simulated days': figures.simulatedDays,
      'turn ms p50 / p99 (bot logs)': `${pct(50)} / ${pct(99)}`,
      '5xx responses': figures.status5xx,
      'CROSSSLOT errors in logs': crossSlot,
      ...Object.fromEntries(Object.entries(figures.outcomes).map(([k, v]) => [`outcome ${k}`, v])),
      'records stored': report.records,
      'linked now': report.linked,
      'association starts': report.starts,
      'R1 violations': report.r1,
      'R3 window violations': report.r3Window,
      'R3 cooldown violations': report.r3Cooldown,
      'link ≠ last start': report.linkNotLastStart,
      'org index disagreements': report.indexDisagreements,
      'person index entries stale (derived, verified on read)': report.personIndexStale,
    });
    assert.equal(figures.status5xx, 0, 'no 5xx');
    assert.equal(crossSlot, 0, 'no CROSSSLOT');
    // The load must really exercise the rules, or zero violations proves nothing.
    assert.ok((figures.outcomes['link:linked'] ?? 0) + (figures.outcomes['link:switched'] ?? 0) > figures.attempts / 20, 'links happened');
    assert.ok((figures.outcomes['link:switched'] ?? 0) > figures.attempts / 200, 'switches happened');
    assert.ok((figures.outcomes['link:refusedCooldown'] ?? 0) > figures.attempts / 200, 'the 30-day rule was exercised');
    assert.equal(totalViolations(report), 0, report.violations.slice(0, 20).join('\n'));
  } finally {
    await Promise.all(bots.map((b) => b.stop()));
    await connector.close();
    data.dispose();
  }
}

describe('reliability a: two bot processes, 10,000 conflicting attempts (standalone Redis)', function () {
  this.timeout(15 * 60 * 1000);
  const redis = new TestRedis();

  after(async () => {
    await redis.cleanup();
  });

  it('keeps R1, R3 and the org index right with zero violations', async () => {
    const client = await redis.connect();
    await concurrencyScenario({ REDIS_URL: TEST_REDIS_URL }, client, redis.freshPrefix(), 'a. concurrency on standalone Redis');
  });
});
