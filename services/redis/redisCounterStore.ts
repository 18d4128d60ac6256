import type { Result } from 'ioredis';
import { CounterStore } from '../kv/counterStore';
import { checkKeyPrefix, DEFAULT_KEY_PREFIX, RedisClient, withStore } from './redisConnection';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** KEYS: counter. ARGV: ttl seconds. INCR, and EXPIRE on the first increment only. */
    certlinkIncrement(key: string, ttlSeconds: string): Result<number, Context>;
  }
}

// One key, one script: the count and its expiry are set together (no immortal counter if the process dies in between).
const INCREMENT_LUA = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n
`;

export class RedisCounterStore implements CounterStore {
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    keyPrefix: string = DEFAULT_KEY_PREFIX,
  ) {
    this.prefix = `${checkKeyPrefix(keyPrefix)}count:`;
    redis.defineCommand('certlinkIncrement', { numberOfKeys: 1, lua: INCREMENT_LUA });
  }

  increment(key: string, ttlSeconds: number): Promise<number> {
    const ttl = String(Math.max(1, Math.ceil(ttlSeconds)));
    return withStore('counters.increment', () => this.redis.certlinkIncrement(this.prefix + key, ttl));
  }
}
