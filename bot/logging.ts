/**
 * pino JSON logs. Personal data (emails, names) is never logged: people appear
 * only as a keyed hash of their user id, enough to follow one person's turns.
 */
import { createHmac, createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import pino, { Logger } from 'pino';

export type { Logger };

/** Log lines wait until this many bytes are ready, or FLUSH_EVERY_MS has passed, before one write. */
export const LOG_BATCH_BYTES = 4096;
export const FLUSH_EVERY_MS = 1000;

export function createLogger(level: string, destination: pino.DestinationStream = batchedStdout()): Logger {
  return pino(
    {
      level,
      base: { app: 'certlink' },
      redact: { paths: ['email', '*.email', 'name', '*.name'], censor: '[redacted]' },
      // The bot logs `err` as summarizeError's plain summary (class, message, frames; never the request).
      // pino's own err serializer would rename its class "Object"; it still serializes a raw Error.
      serializers: { err: (value: unknown) => (value instanceof Error ? pino.stdSerializers.err(value) : value) },
    },
    destination,
  );
}

/**
 * Standard output, written in batches: a write per line (pino's default) was a measurable part of
 * a turn's CPU at the info level, where every turn logs a line (docs/SCALING.md); batched, about a
 * dozen lines go out in one write. pino flushes what is left when the process exits (a crash included, not a SIGKILL), and
 * the timer flushes a quiet bot's last lines within a second.
 */
function batchedStdout(): pino.DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES });
  setInterval(() => {
    try {
      stream.flush();
    } catch {
      // nothing to flush yet (sonic-boom refuses while it opens) or a write in flight: the next tick does it
    }
  }, FLUSH_EVERY_MS).unref();
  return stream;
}

/**
 * The key of the user hashes, prepared once: every turn's log line hashes its user. Until
 * useUserHashKey is called it is random, so hashes agree only within one process.
 */
let hashKey: KeyObject = createSecretKey(randomBytes(32));

/**
 * Keys the user hashes with LOG_HASH_KEY (bot/config/privacy.ts), called once at start. Process-wide on
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
