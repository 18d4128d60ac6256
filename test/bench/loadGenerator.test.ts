import assert from 'node:assert/strict';
import { generateLoad, LoadOptions, percentile } from '../../bench/loadGenerator';
import { renderTable } from '../../bench/table';
import { combineSlices, processCpuSeconds, ratioRange } from '../../bench/runScenario';
import { teamsTurn } from '../../bench/scenarios';
import { EchoBot } from '../../bench/echoBot';
import { BotHarness, startBotHarness } from '../support/httpBotHarness';
import type { RedisClient } from '../../services/redis/redisConnection';

/** Turns on a harnessed bot: one conversation, one turn, unless told otherwise. */
function loadOn(h: BotHarness, options: Pick<LoadOptions, 'makeActivity'> & Partial<LoadOptions>) {
  return generateLoad({ botUrl: h.botUrl, connector: h.connector, conversations: 1, maxTurns: 1, ...options });
}

describe('bench load generator', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await startBotHarness({ bot: new EchoBot() });
  });
  afterEach(async () => {
    await h.close();
  });

  it('runs closed-loop turns over several conversations and counts each completed turn once', async () => {
    const seen = new Set<string>();
    const result = await generateLoad({
      botUrl: h.botUrl,
      connector: h.connector,
      conversations: 3,
      maxTurns: 12,
      durationMs: 60_000,
      makeActivity: (i, seq) => teamsTurn(i, seq, `ping ${i}.${seq}`),
      checkReply: (reply, i, seq) => {
        seen.add(`${i}.${seq}`);
        return reply.text === `echo: ping ${i}.${seq}`;
      },
    });
    assert.equal(result.errors, 0, result.errorSamples.join('; '));
    assert.equal(result.count, 12);
    assert.equal(seen.size, 12);
    assert.ok(result.p50 <= result.p99);
    assert.equal(h.connector.replies.length, 12);
    assert.deepEqual(new Set(h.connector.replies.map((r) => r.conversationId)).size, 3);
  });

  it('counts wrong replies and refused posts as errors, not as turns', async () => {
    const wrong = await loadOn(h, {
      maxTurns: 2,
      makeActivity: (i, seq) => teamsTurn(i, seq, 'x'),
      checkReply: () => false,
    });
    assert.equal(wrong.count, 0);
    assert.equal(wrong.errors, 2);
    const refused = await loadOn(h, {
      makeActivity: (i, seq) => ({ ...teamsTurn(i, seq, 'x'), channelId: undefined }),
    });
    assert.equal(refused.errors, 1);
    assert.match(refused.errorSamples[0], /HTTP 400/);
  });
});

describe('bench reference bot', () => {
  it('reads Redis one key after another, then replies with a card carrying the echo', async () => {
    const order: string[] = [];
    let inFlight = 0;
    const client = {
      get: async (key: string) => {
        inFlight += 1;
        assert.equal(inFlight, 1, 'each read waits for the one before');
        order.push(key);
        await new Promise((r) => setTimeout(r, 2));
        inFlight -= 1;
        return null;
      },
    } as unknown as RedisClient;
    const h = await startBotHarness({ bot: new EchoBot({ redis: { client, reads: 3 }, card: true }) });
    try {
      const result = await loadOn(h, {
        makeActivity: (i, seq) => teamsTurn(i, seq, 'ping 0.0'),
        checkReply: (reply) => JSON.stringify(reply.attachments?.[0]?.content).includes('echo: ping 0.0'),
      });
      assert.equal(result.errors, 0, result.errorSamples.join('; '));
      assert.equal(order.length, 3);
      assert.equal(h.connector.replies[0].activity.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    } finally {
      await h.close();
    }
  });
});

describe('bench table', () => {
  it('compares throughput with the echo row', () => {
    const table = renderTable([
      { scenario: 'echo', perSecond: 200, p50: 4, p99: 10, errors: 0 },
      { scenario: 'status', perSecond: 50, p50: 16, p99: 40.25, errors: 1, botCpuMs: 2.345, redisCpuMs: 0.071, harnessCpuMs: 0.8, ratioRange: [0.2, 0.314] },
    ]);
    const rows = table.split('\n');
    assert.equal(rows[0], '| scenario | activities/s | p50 ms | p99 ms | ratio to echo | ratio by round | bot CPU ms/activity | Redis CPU ms/activity | harness CPU ms/activity | errors |');
    assert.equal(rows[2], '| echo | 200 | 4.0 | 10.0 | 1.00 | n/a | n/a | n/a | n/a | 0 |');
    assert.equal(rows[3], '| status | 50 | 16.0 | 40.3 | 0.25 | 0.20–0.31 | 2.35 | 0.07 | 0.80 | 1 |');
  });

  it('pools slices: turns and seconds added, percentiles over every turn, CPU over the whole time', () => {
    const slice = (latencies: number[], seconds: number, cpu: number, errors = 0, redisCpu = NaN) => ({
      count: latencies.length,
      seconds,
      perSecond: latencies.length / seconds,
      p50: NaN,
      p99: NaN,
      latencies,
      errors,
      errorSamples: errors ? ['boom'] : [],
      botCpuSeconds: cpu,
      redisCpuSeconds: redisCpu,
      harnessCpuSeconds: cpu / 2,
    });
    const fast = Array.from({ length: 98 }, () => 1);
    const r = combineSlices('status', [slice(fast, 1, 0.1), slice([50, 60], 1, 0.1, 1)]);
    assert.equal(r.count, 100);
    assert.equal(r.perSecond, 50);
    assert.equal(r.p50, 1);
    assert.equal(r.p99, 50, "the slow slice's turns count among all turns");
    assert.equal(r.botCpuMsPerActivity, 2);
    assert.equal(r.harnessCpuMsPerActivity, 1);
    assert.ok(Number.isNaN(r.redisCpuMsPerActivity), 'a slice with no Redis reading makes the row unknown, not smaller');
    assert.equal(combineSlices('status', [slice(fast, 1, 0.1, 0, 0.01), slice([50, 60], 1, 0.1, 0, 0.03)]).redisCpuMsPerActivity, 0.4);
    assert.equal(r.errors, 1);
    assert.deepEqual(r.errorSamples, ['boom']);
    assert.ok(Number.isNaN(combineSlices('none', []).botCpuMsPerActivity));
  });

  it("gives each round's ratio against echo's slice of the same round, lowest and highest", () => {
    const at = (perSecond: number) => ({ count: 0, seconds: 1, perSecond, p50: NaN, p99: NaN, latencies: [], errors: 0, errorSamples: [], botCpuSeconds: 0, redisCpuSeconds: 0, harnessCpuSeconds: 0 });
    assert.deepEqual(ratioRange([at(50), at(90)], [at(100), at(100)]), [0.5, 0.9]);
    assert.deepEqual(ratioRange([at(60), at(60)], [at(100), at(50)]), [0.6, 1.2], 'against its own round, not the pooled echo');
    assert.equal(ratioRange([at(50)], [at(100), at(100)]), undefined, 'rounds that do not pair up give no range');
    assert.equal(ratioRange([at(50)], undefined), undefined);
  });

  it('percentile uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(sorted, 50), 50);
    assert.equal(percentile(sorted, 99), 99);
    assert.equal(percentile([7], 99), 7);
    assert.ok(Number.isNaN(percentile([], 50)));
  });
});

describe('bench process CPU', () => {
  it('reads a live process CPU time and grows with work', () => {
    const before = processCpuSeconds(process.pid);
    if (before === null) assert.fail('expected /proc on the project machines (Linux)');
    // Spin until Node itself has seen 100 ms of CPU (not wall time: a loaded machine may give less).
    const start = process.cpuUsage();
    const spent = () => {
      const u = process.cpuUsage(start);
      return (u.user + u.system) / 1e6;
    };
    while (spent() < 0.1) Math.sqrt(Math.random());
    const after = processCpuSeconds(process.pid);
    assert.ok(after !== null && after - before >= 0.05, `CPU ${before} -> ${after}`);
  });

  it('gives null for a process that does not exist', () => {
    assert.equal(processCpuSeconds(undefined), null);
    assert.equal(processCpuSeconds(2 ** 22 + 12345), null);
  });
});
