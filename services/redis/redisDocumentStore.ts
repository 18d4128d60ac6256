/**
 * Versioned JSON documents (botbuilder session state) on Redis. Each document
 * is one hash {etag, json}; the compare-and-write is one single-key Lua
 * script. Etags are random, not counters, so a document deleted and written
 * again never hands out an etag an old reader still holds.
 */
import { randomUUID } from 'node:crypto';
import type { Result } from 'ioredis';
import { DocumentStore, StoredDocument, WriteResult } from '../kv/documentStore';
import { checkKeyPrefix, DEFAULT_KEY_PREFIX, RedisClient, withStore } from './redisConnection';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** KEYS: doc. ARGV: expected etag ('' = any), new etag, json, ttl seconds (0 = none). 1 = written, 0 = conflict. */
    certlinkWriteDocument(key: string, expectedEtag: string, etag: string, json: string, ttlSeconds: string): Result<number, Context>;
  }
}

const WRITE_DOCUMENT_LUA = `
if ARGV[1] ~= '' and redis.call('HGET', KEYS[1], 'etag') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'etag', ARGV[2], 'json', ARGV[3])
local ttl = tonumber(ARGV[4])
if ttl > 0 then redis.call('EXPIRE', KEYS[1], ttl) else redis.call('PERSIST', KEYS[1]) end
return 1
`;

export class RedisDocumentStore implements DocumentStore {
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    keyPrefix: string = DEFAULT_KEY_PREFIX,
  ) {
    this.prefix = `${checkKeyPrefix(keyPrefix)}doc:`;
    redis.defineCommand('certlinkWriteDocument', { numberOfKeys: 1, lua: WRITE_DOCUMENT_LUA });
  }

  read(keys: string[]): Promise<Map<string, StoredDocument>> {
    const out = new Map<string, StoredDocument>();
    if (keys.length === 0) return Promise.resolve(out);
    return withStore('documents.read', async () => {
      // Documents are on different slots: parallel single-key reads, never one cross-slot pipeline.
      const values = await Promise.all(keys.map((key) => this.redis.hmget(this.prefix + key, 'etag', 'json')));
      values.forEach(([etag, json], i) => {
        if (etag !== null && json !== null) out.set(keys[i], { etag, value: JSON.parse(json) });
      });
      return out;
    });
  }

  write(key: string, value: unknown, expectedEtag: string | undefined, ttlSeconds?: number): Promise<WriteResult> {
    const expected = expectedEtag === undefined || expectedEtag === '*' ? '' : expectedEtag;
    const etag = randomUUID();
    const ttl = ttlSeconds && ttlSeconds > 0 ? Math.ceil(ttlSeconds) : 0;
    const json = JSON.stringify(value);
    return withStore('documents.write', async () => {
      const written = await this.redis.certlinkWriteDocument(this.prefix + key, expected, etag, json, String(ttl));
      return written === 1 ? { ok: true, etag } : { ok: false, reason: 'conflict' };
    });
  }

  delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return Promise.resolve();
    // One DEL per key: the keys need not share a slot.
    return withStore('documents.delete', async () => {
      await Promise.all(keys.map((key) => this.redis.del(this.prefix + key)));
    });
  }
}
