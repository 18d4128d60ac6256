/**
 * pino JSON logs. Personal data (emails, names) is never logged: people appear
 * only as a keyed hash of their user id, enough to follow one person's turns.
 */
import { createHmac, createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import pino, { Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'certlink' }, redact: { paths: ['email', '*.email', 'name', '*.name'], censor: '[redacted]' } }, destination);
}

/**
 * The key of the user hashes, prepared once: every turn's log line hashes its user. Until
 * useUserHashKey is called it is random, so hashes agree only within one process.
 */
let hashKey: KeyObject = createSecretKey(randomBytes(32));

/**
 * Keys the user hashes with LOG_HASH_KEY (bot/config.ts), called once at start. Process-wide on
 * purpose, like the log level: with the same key on every bot process and across restarts, one
 * person's turns can be followed through all of them, and still nobody without the key can tell
 * whose they are.
 */
export function useUserHashKey(secret: string): void {
  hashKey = createSecretKey(Buffer.from(secret, 'utf8'));
}

export function hashUserId(userId: string | undefined | null): string {
  if (!userId) return 'unknown';
  return createHmac('sha256', hashKey).update(userId).digest('hex').slice(0, 16);
}
