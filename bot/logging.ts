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

const hashKey = createSecretKey(Buffer.from(process.env.LOG_HASH_KEY || randomBytes(16).toString('hex')));

/** Every turn logs its user: the hashes of the people seen lately are kept rather than recomputed. */
const recentHashes = new Map<string, string>();
const MAX_RECENT_HASHES = 10_000;

export function hashUserId(userId: string | undefined | null): string {
  if (!userId) return 'unknown';
  const known = recentHashes.get(userId);
  if (known) return known;
  const hashed = createHmac('sha256', hashKey).update(userId).digest('hex').slice(0, 16);
  if (recentHashes.size >= MAX_RECENT_HASHES) recentHashes.clear();
  recentHashes.set(userId, hashed);
  return hashed;
}
