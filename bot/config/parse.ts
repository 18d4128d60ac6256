/**
 * The readers every settings group uses: each checks one variable and names it in the error,
 * so a bad value stops the process with a message an operator can act on.
 */
import path from 'node:path';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Port of the HTTP server when PORT is unset (also the container's EXPOSE). */
export const DEFAULT_PORT = 3978;

export function str(env: Env, name: string, fallback = ''): string {
  return (env[name] ?? fallback).trim();
}

export function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return n;
}

export function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = str(env, name, fallback);
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

export function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name).toLowerCase();
  if (raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

/** A path from the environment (relative to the working directory), or a file of the repository. */
export function file(env: Env, name: string, fallback: string): string {
  const raw = str(env, name);
  return raw ? path.resolve(raw) : path.join(repoRoot, fallback);
}
