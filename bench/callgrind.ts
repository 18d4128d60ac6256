/** Running a bench bot under valgrind's callgrind and reading what it counted (bench/instructionCount.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Instructions counted in one process: the sum of the `totals:` lines of its files (one per dump). */
export function callgrindTotal(outDir: string, pid: number): number {
  return readdirSync(outDir)
    .filter((f) => f === `cg.${pid}` || f.startsWith(`cg.${pid}.`))
    .map((f) => /^totals: (\d+)/m.exec(readFileSync(path.join(outDir, f), 'utf8'))?.[1])
    .reduce((sum, total) => sum + Number(total ?? 0), 0);
}

/** The BENCH_NODE_WRAPPER that runs a bot under callgrind, counting nothing until callgrind_control says so. */
export function callgrindWrapper(outDir: string): string {
  return `valgrind --tool=callgrind --instr-atstart=no --smc-check=all-non-file --callgrind-out-file=${outDir}/cg.%p`;
}
