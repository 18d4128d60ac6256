/**
 * Report counters on Redis, all on the org's slot (`{org:<mpnId>}`):
 *   :report:members  HASH  mcid -> JSON of the facts it was counted with
 *   :report:titles   HASH  title -> number of certifications counted, expired ones included
 *   :report:starts   ZSET  mcid scored by link start (ms): linked count, pending credit (R8)
 *   :report:expiry   ZSET  "<mcid>|<n>|<title>" scored by expiry (ms)
 * Add and remove are one Lua script each, so counters never drift from the
 * member hash; the card's read is one pipeline.
 */
import type Redis from 'ioredis';
import type { RedisClient } from './redisConnection';
import type { Result } from 'ioredis';
import { CounterQuery, IndexedMember, ReportCounters, ReportIndexStore, TitleCount } from '../report/reportIndexStore';
import { DEFAULT_KEY_PREFIX, pipelineValues, withStore } from './redisConnection';
import { orgKey } from './redisOrgKeys';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    certlinkReportAdd(members: string, titles: string, starts: string, expiry: string, mcid: string, facts: string): Result<number, Context>;
    certlinkReportRemove(members: string, titles: string, starts: string, expiry: string, mcid: string): Result<number, Context>;
    certlinkReportExpiring(expiry: string, from: string, to: string): Result<string[], Context>;
  }
}

// Facts JSON: {"s": since ms, "c": [{"t": title, "e": expiry ms or absent}]}. Scores are passed as strings to keep ms exact.
const ADD_LUA = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
local f = cjson.decode(ARGV[2])
redis.call('ZADD', KEYS[3], f.s, ARGV[1])
for i, c in ipairs(f.c) do
  redis.call('HINCRBY', KEYS[2], c.t, 1)
  if c.e then redis.call('ZADD', KEYS[4], c.e, ARGV[1] .. '|' .. i .. '|' .. c.t) end
end
return 1
`;

const REMOVE_LUA = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local f = cjson.decode(raw)
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
for i, c in ipairs(f.c) do
  if redis.call('HINCRBY', KEYS[2], c.t, -1) <= 0 then redis.call('HDEL', KEYS[2], c.t) end
  if c.e then redis.call('ZREM', KEYS[4], ARGV[1] .. '|' .. i .. '|' .. c.t) end
end
return 1
`;

// Counts expiring certifications per title on the server: the card needs counts, not the members.
const EXPIRING_LUA = `
local counts = {}
local order = {}
for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[2])) do
  local t = string.match(m, '^[^|]*|[^|]*|(.*)$')
  if counts[t] == nil then counts[t] = 0; table.insert(order, t) end
  counts[t] = counts[t] + 1
end
local out = {}
for _, t in ipairs(order) do table.insert(out, t); table.insert(out, tostring(counts[t])) end
return out
`;

export class RedisReportIndexStore implements ReportIndexStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keyPrefix: string = DEFAULT_KEY_PREFIX,
  ) {
    redis.defineCommand('certlinkReportAdd', { numberOfKeys: 4, lua: ADD_LUA });
    redis.defineCommand('certlinkReportRemove', { numberOfKeys: 4, lua: REMOVE_LUA });
    redis.defineCommand('certlinkReportExpiring', { numberOfKeys: 1, readOnly: true, lua: EXPIRING_LUA });
  }

  private keys(mpnId: string): [members: string, titles: string, starts: string, expiry: string] {
    const k = (s: string) => orgKey(this.keyPrefix, mpnId, `report:${s}`);
    return [k('members'), k('titles'), k('starts'), k('expiry')];
  }

  add(mpnId: string, mcid: string, member: IndexedMember): Promise<boolean> {
    const facts = JSON.stringify({ s: member.since, c: member.certifications.map((c) => ({ t: c.title, e: c.expiresAt })) });
    return withStore('reportIndex.add', async () => (await this.redis.certlinkReportAdd(...this.keys(mpnId), mcid, facts)) === 1);
  }

  /** Queues an add on a caller's pipeline: the bench and rebuilds add thousands per round trip. */
  addTo(pipeline: ReturnType<Redis['pipeline']>, mpnId: string, mcid: string, member: IndexedMember): void {
    const facts = JSON.stringify({ s: member.since, c: member.certifications.map((c) => ({ t: c.title, e: c.expiresAt })) });
    pipeline.certlinkReportAdd(...this.keys(mpnId), mcid, facts);
  }

  remove(mpnId: string, mcid: string): Promise<boolean> {
    return withStore('reportIndex.remove', async () => (await this.redis.certlinkReportRemove(...this.keys(mpnId), mcid)) === 1);
  }

  counters(mpnId: string, q: CounterQuery): Promise<ReportCounters> {
    const [, titles, starts, expiry] = this.keys(mpnId);
    return withStore('reportIndex.counters', async () => {
      const values = pipelineValues(
        await this.redis
          .pipeline()
          .zcard(starts)
          .zcount(starts, String(q.pendingSince), '+inf')
          .hgetall(titles)
          .certlinkReportExpiring(expiry, String(q.expiringFrom), String(q.expiringTo))
          // The titles hash counts every certification a member was added with; those expired since are taken off here.
          .certlinkReportExpiring(expiry, '-inf', `(${q.heldAt}`)
          .exec(),
      );
      const expiredByTitle = new Map(pairs(values[4] as string[]).map((t) => [t.title, t.count]));
      const byTitle = Object.entries(values[2] as Record<string, string>).map(([title, n]) => ({ title, count: Number(n) - (expiredByTitle.get(title) ?? 0) }));
      return {
        linked: values[0] as number,
        pendingCredit: values[1] as number,
        byTitle: byTitle.filter((t) => t.count > 0),
        expiring: pairs(values[3] as string[]),
        expired: [...expiredByTitle.values()].reduce((sum, n) => sum + n, 0),
      };
    });
  }

  clear(mpnId: string): Promise<void> {
    return withStore('reportIndex.clear', async () => {
      await this.redis.unlink(...this.keys(mpnId));
    });
  }
}

function pairs(flat: string[]): TitleCount[] {
  const out: TitleCount[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ title: flat[i], count: Number(flat[i + 1]) });
  return out;
}
