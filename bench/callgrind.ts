/** Running a bench bot under valgrind's callgrind and reading what it counted (bench/instructionCount.ts). */
// The module object itself (not an import copy), so that replacing its spawn reaches the scenarios' calls.
import childProcess = require('node:child_process');
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Instructions counted in one process: the sum of the `totals:` lines of its files (one per dump). */
export function callgrindTotal(outDir: string, pid: number): number {
  return readdirSync(outDir)
    .filter((f) => f === `cg.${pid}` || f.startsWith(`cg.${pid}.`))
    .map((f) => /^totals: (\d+)/m.exec(readFileSync(path.join(outDir, f), 'utf8'))?.[1])
    .reduce((sum, total) => sum + Number(total ?? 0), 0);
}

/** Runs `spawn` with every node child it starts wrapped in callgrind, counting nothing until told to. */
export function underCallgrind<T>(outDir: string, spawn: () => T): T {
  const real = childProcess.spawn;
  const wrapped = (command: string, args: readonly string[], options: childProcess.SpawnOptions): childProcess.ChildProcess =>
    real('valgrind', ['--tool=callgrind', '--instr-atstart=no', '--smc-check=all-non-file', `--callgrind-out-file=${outDir}/cg.%p`, command, ...args], options);
  // The scenarios start their bots through child_process.spawn; only this call is redirected.
  Object.assign(childProcess, { spawn: wrapped });
  try {
    return spawn();
  } finally {
    Object.assign(childProcess, { spawn: real });
  }
}
