/**
 * `.env`: the settings file an operator copies from .env.sample. Every entry point (npm start,
 * dev, worker, import, package, connector) calls loadEnvFile() before bot/config/ reads the
 * environment, so the file behaves the same everywhere. Node parses it (util.parseEnv); the
 * lines are checked first because Node's parser silently skips or merges some malformed ones
 * (`PORT 3999` becomes part of the next variable's name). A variable already set in the
 * environment keeps its value: the file only fills in what is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { AppConfig, ConfigError, loadConfig } from './config';
import type { Logger } from './logging';

export const ENV_FILE_NAME = '.env';

export interface EnvFileResult {
  /** Absolute path of the file that was read. */
  file: string;
  /** Variables the file set. */
  applied: string[];
  /** Variables the file names but the environment already had: the environment's value stays. */
  keptFromEnvironment: string[];
}

const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=(.*)$/;
const QUOTES = ['"', "'", '`'];

/**
 * The line number of the first malformed line, and why, or null. A line is blank, a comment, or
 * NAME=value; a quoted value may span lines up to its closing quote. The line's text is never
 * quoted back: it may hold a secret.
 */
export function findMalformedLine(content: string): { line: number; reason: string } | null {
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    const match = ASSIGNMENT.exec(text);
    if (!match) return { line: i + 1, reason: 'expected NAME=value (a name of letters, digits and _), a # comment or a blank line' };
    const value = match[1].trimStart();
    const quote = QUOTES.find((q) => value.startsWith(q));
    if (!quote || value.indexOf(quote, 1) > 0) continue;
    const opened = i;
    while (++i < lines.length && !lines[i].includes(quote));
    if (i >= lines.length) return { line: opened + 1, reason: `the value opens a ${quote} quote that no later line closes` };
  }
  return null;
}

/** Reads `dir/.env` into env when the file exists; null when there is none. Throws ConfigError on a malformed line. */
export function loadEnvFile(dir: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): EnvFileResult | null {
  const file = path.resolve(dir, ENV_FILE_NAME);
  if (!existsSync(file)) return null;
  const content = readFileSync(file, 'utf8');
  const malformed = findMalformedLine(content);
  if (malformed) throw new ConfigError(`${file} line ${malformed.line}: ${malformed.reason}`);
  const applied: string[] = [];
  const keptFromEnvironment: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(content))) {
    if (env[name] !== undefined) keptFromEnvironment.push(name);
    else {
      env[name] = value;
      applied.push(name);
    }
  }
  return { file, applied, keptFromEnvironment };
}

/** One line for a person: which file was read and which of its variables were used (names only, never values). */
export function describeEnvFile(result: EnvFileResult): string {
  const kept = result.keptFromEnvironment.length > 0 ? `; already set in the environment, so not taken from the file: ${result.keptFromEnvironment.join(', ')}` : '';
  return `Settings read from ${result.file}: ${result.applied.length > 0 ? result.applied.join(', ') : 'none used'}${kept}`;
}

/** The same, as the process's first log line about settings (the bot and the worker log JSON). */
export function logEnvFile(log: Logger, result: EnvFileResult | null): void {
  if (result) log.info({ envFile: result.file, applied: result.applied, keptFromEnvironment: result.keptFromEnvironment }, describeEnvFile(result));
}

/** For the command-line scripts: reads .env and says so on standard error; a malformed line stops the command. */
export function loadEnvFileOrExit(command: string): EnvFileResult | null {
  try {
    const result = loadEnvFile();
    if (result) console.error(describeEnvFile(result));
    return result;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`${command}: ${err.message}`);
    process.exit(1);
  }
}

/** For the processes that start from the settings (npm start, the worker): .env, then bot/config/; a bad one stops the process. */
export function loadSettingsOrExit(name: string): { config: AppConfig; envFile: EnvFileResult | null } {
  try {
    const envFile = loadEnvFile();
    return { config: loadConfig(), envFile };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`${name} cannot start: ${err.message}. See .env.sample.`);
    process.exit(1);
  }
}
