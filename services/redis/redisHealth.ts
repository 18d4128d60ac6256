import type { RedisClient } from './redisConnection';
import { StoreHealth } from '../kv/health';

/** For /readyz: a PING answered in time. Never throws; a dead Redis is simply "not ready". */
export class RedisHealth implements StoreHealth {
  readonly kind = 'redis' as const;

  constructor(
    private readonly redis: RedisClient,
    private readonly timeoutMs = 1000,
  ) {}

  async ping(): Promise<boolean> {
    if (this.redis.status !== 'ready') return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.timeoutMs);
    });
    try {
      return await Promise.race([this.redis.ping().then((r) => r === 'PONG'), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
