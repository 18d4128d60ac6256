/**
 * V8 settings of CertLink's processes, applied once at start, before the first turn.
 *
 * Allocation-site pretenuring is off unless V8_PRETENURING=true. With it on (V8's default), V8
 * watches which allocation sites' objects are still alive at a young-generation collection, and
 * allocates the objects of sites that look long-lived straight into the old generation. A bot has
 * about ten turns in flight at any collection, so some of its sites look long-lived although a
 * turn lasts milliseconds. Their objects then die in the old generation, which only a full
 * collection frees, and until then the young objects they point to (the rest of the turn) are
 * kept, copied and promoted too. The bench measured the difference (docs/SCALING.md): less CPU
 * per CertLink turn without pretenuring, and no change for the echo bot.
 *
 * Node refuses this flag in NODE_OPTIONS, hence this module.
 */
import { setFlagsFromString } from 'node:v8';
import type { AppConfig } from './config';

/** Applies the settings; returns the V8 flags set, for the start-up log line. */
export function applyRuntimeTuning(config: Pick<AppConfig, 'v8Pretenuring'>, setFlags: (flags: string) => void = setFlagsFromString): string[] {
  const flags = config.v8Pretenuring ? [] : ['--no-allocation-site-pretenuring'];
  for (const flag of flags) setFlags(flag);
  return flags;
}
