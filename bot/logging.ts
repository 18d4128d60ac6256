/**
 * pino JSON logs. Personal data (emails, names) is never logged: people appear
 * only as a keyed hash of their user id, enough to follow one person's turns.
 */
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import pino, { Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'certlink' }, redact: { paths: ['email', '*.email', 'name', '*.name'], censor: '[redacted]' } }, destination);
}

/** Prepared once: every turn's log line hashes its user. */
const hashKey = createSecretKey(Buffer.from(process.env.LOG_HASH_KEY || randomBytes(16).toString('hex')));

export function hashUserId(userId: string | undefined | null): string {
  if (!userId) return 'unknown';
  return createHmac('sha256', hashKey).update(userId).digest('hex').slice(0, 16);
}
