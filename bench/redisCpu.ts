/**
 * Reading Redis's own INFO. The bench reads the server's CPU time before and after each slice,
 * so each row also says what its turns cost the Redis server (the bot is not the only process on
 * the machine's 2 cores). Works for a Redis on another host too, where /proc cannot see it.
 */
import type { RedisClient } from '../services/redis/redisConnection';

/** One numeric field of an INFO reply (`name:value` lines), or null when absent. */
export function infoField(info: string, name: string): number | null {
  const m = new RegExp(`^${name}:([0-9.]+)\\r?$`, 'm').exec(info);
  return m ? Number(m[1]) : null;
}

/** used_cpu_sys + used_cpu_user (seconds, every thread of the server) from an INFO reply; null when absent. */
export function parseRedisCpuSeconds(info: string): number | null {
  const sys = infoField(info, 'used_cpu_sys');
  const user = infoField(info, 'used_cpu_user');
  return sys === null || user === null ? null : sys + user;
}

/** Reads the server's CPU seconds so far; null when Redis cannot be asked (the column then says n/a). */
export async function redisCpuSeconds(client: RedisClient): Promise<number | null> {
  try {
    return parseRedisCpuSeconds(await client.info('cpu'));
  } catch {
    return null;
  }
}
