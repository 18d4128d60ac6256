/** Renders bench results as a Markdown table, each row compared with the echo baseline. */

export interface TableRow {
  scenario: string;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** The bot process's CPU time per activity (ms), when the harness could read it. */
  botCpuMs?: number;
  /** The Redis server's CPU time per activity (ms), when it could be asked. */
  redisCpuMs?: number;
  /** The bench process's own CPU time per activity (ms): load generator and connector stand-in. */
  harnessCpuMs?: number;
  /** Lowest and highest ratio to echo over the rounds, each round's slice against echo's slice of the same round. */
  ratioRange?: [number, number];
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/**
 * "ratio to echo" is throughput relative to the baseline row (1.00 = as fast as a bare echo
 * bot on the same stack; 0.25 = a quarter of its activities per second).
 */
export function renderTable(rows: TableRow[], baselineName = 'echo'): string {
  const baseline = rows.find((r) => r.scenario === baselineName);
  const lines = [
    '| scenario | activities/s | p50 ms | p99 ms | ratio to echo | ratio by round | bot CPU ms/activity | Redis CPU ms/activity | harness CPU ms/activity | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const ratio = baseline && baseline.perSecond > 0 ? row.perSecond / baseline.perSecond : NaN;
    const range = row.ratioRange ? `${fixed(row.ratioRange[0], 2)}–${fixed(row.ratioRange[1], 2)}` : 'n/a';
    lines.push(
      `| ${row.scenario} | ${fixed(row.perSecond, 0)} | ${fixed(row.p50, 1)} | ${fixed(row.p99, 1)} | ${fixed(ratio, 2)} | ${range} | ${fixed(row.botCpuMs ?? NaN, 2)} | ${fixed(row.redisCpuMs ?? NaN, 2)} | ${fixed(row.harnessCpuMs ?? NaN, 2)} | ${row.errors} |`,
    );
  }
  return lines.join('\n');
}
