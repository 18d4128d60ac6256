/**
 * Reads every key under a prefix, whatever its type, and returns key names and
 * values as text: for tests that must prove a piece of data is nowhere in Redis.
 */
import type Redis from 'ioredis';

export async function dumpKeys(redis: Redis, prefix: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) out.set(key, await readValue(redis, key));
  } while (cursor !== '0');
  return out;
}

async function readValue(redis: Redis, key: string): Promise<string> {
  const type = await redis.type(key);
  switch (type) {
    case 'string':
      return (await redis.get(key)) ?? '';
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'set':
      return JSON.stringify(await redis.smembers(key));
    case 'zset':
      return JSON.stringify(await redis.zrange(key, 0, -1, 'WITHSCORES'));
    case 'list':
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    case 'none':
      return ''; // expired between SCAN and read
    default:
      throw new Error(`dumpKeys: key ${key} has type ${type}, which this scan cannot read`);
  }
}

/**
 * Keys whose name or value contains any of the needles, with the needle found. Case-sensitive:
 * a name is looked for as written ("Alice"), so the test user id "aad-alice" is not a hit;
 * pass emails in every case they could be stored in.
 */
export function findInDump(dump: Map<string, string>, needles: string[]): { key: string; needle: string }[] {
  const found: { key: string; needle: string }[] = [];
  for (const [key, value] of dump) {
    const text = `${key}\n${value}`;
    for (const needle of needles) if (text.includes(needle)) found.push({ key, needle });
  }
  return found;
}
