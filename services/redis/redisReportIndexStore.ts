/**
 * Report counters on Redis, all on the org's slot (`{org:<mpnId>}`):
 *   :report:members        HASH    mcid -> JSON of the facts it was counted with
 *   :report:titles         HASH    title -> number of certifications counted, expired ones included
 *   :report:starts         ZSET    mcid scored by link start (ms): linked count, pending credit (R8)
 *   :report:expiry         ZSET    "<mcid>|<n>|<title>" scored by expiry (ms)
 *   :report:expiredTitles  HASH    title -> how many of those had expired by :report:sweptUntil
 *   :report:sweptUntil     STRING  ms up to which expiries were moved into :report:expiredTitles
 * Add and remove are one Lua script each, so counters never drift from the
 * member hash; the card's read is one script too. Certifications expire with
 * time, not with a write, so the card's read first counts those that expired
 * since the last read (a sweep over that slice of :report:expiry only): each
 * expiry is counted once, and the card never walks every expired certification
 * of a large org.
 */
import type Redis from 'ioredis';
import type { Result } from 'ioredis';
import type { RedisClient } from './redisConnection';
import { CounterQuery, IndexedMember, ReportCounters, ReportIndexStore, TitleCount } from '../report/reportIndexStore';
import { DEFAULT_KEY_PREFIX, withStore } from './redisConnection';
import { orgKey } from './redisOrgKeys';

type ReportKeys = [members: string, titles: string, starts: string, expiry: string, expiredTitles: string, sweptUntil: string];

declare module 'ioredis' {
  interface RedisCommander<Context> {
    certlinkReportAdd(...args: [...ReportKeys, mcid: string, facts: string]): Result<number, Context>;
    certlinkReportRemove(...args: [...ReportKeys, mcid: string]): Result<number, Context>;
    certlinkReportCounters(...args: [...ReportKeys, heldAt: string, pendingSince: string, expiringFrom: string, expiringTo: string]): Result<[number, number, string[], string[], string[]], Context>;
  }
}

// Facts JSON: {"s": since ms, "c": [{"t": title, "e": expiry ms or absent}]}. Scores are passed as strings to keep ms exact.
// A certification that expired before the last sweep is counted in expiredTitles as it comes and goes.
const SWEPT = `
local swept = tonumber(redis.call('GET', KEYS[6]) or '')
local function wasSwept(c) return c.e and swept and c.e < swept end
`;

const ADD_LUA = `${SWEPT}
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
local f = cjson.decode(ARGV[2])
redis.call('ZADD', KEYS[3], f.s, ARGV[1])
for i, c in ipairs(f.c) do
  redis.call('HINCRBY', KEYS[2], c.t, 1)
  if c.e then redis.call('ZADD', KEYS[4], c.e, ARGV[1] .. '|' .. i .. '|' .. c.t) end
  if wasSwept(c) then redis.call('HINCRBY', KEYS[5], c.t, 1) end
end
return 1
`;

const REMOVE_LUA = `${SWEPT}
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local f = cjson.decode(raw)
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
for i, c in ipairs(f.c) do
  if redis.call('HINCRBY', KEYS[2], c.t, -1) <= 0 then redis.call('HDEL', KEYS[2], c.t) end
  if c.e then redis.call('ZREM', KEYS[4], ARGV[1] .. '|' .. i .. '|' .. c.t) end
  if wasSwept(c) and redis.call('HINCRBY', KEYS[5], c.t, -1) <= 0 then redis.call('HDEL', KEYS[5], c.t) end
end
return 1
`;

// ARGV: heldAt, pendingSince, expiringFrom, expiringTo (ms). Sweeps [sweptUntil, heldAt), then reads.
// Expiring certifications are counted per title on the server: the card needs counts, not the members.
const COUNTERS_LUA = `
local function byTitle(members)
  local counts, order = {}, {}
  for _, m in ipairs(members) do
    local t = string.match(m, '^[^|]*|[^|]*|(.*)$')
    if counts[t] == nil then counts[t] = 0; table.insert(order, t) end
    counts[t] = counts[t] + 1
  end
  local out = {}
  for _, t in ipairs(order) do table.insert(out, t); table.insert(out, tostring(counts[t])) end
  return out
end
local swept = redis.call('GET', KEYS[6])
if not swept or tonumber(swept) < tonumber(ARGV[1]) then
  local newly = byTitle(redis.call('ZRANGEBYSCORE', KEYS[4], swept or '-inf', '(' .. ARGV[1]))
  for i = 1, #newly, 2 do redis.call('HINCRBY', KEYS[5], newly[i], tonumber(newly[i + 1])) end
  redis.call('SET', KEYS[6], ARGV[1])
end
return {
  redis.call('ZCARD', KEYS[3]),
  redis.call('ZCOUNT', KEYS[3], ARGV[2], '+inf'),
  redis.call('HGETALL', KEYS[2]),
  redis.call('HGETALL', KEYS[5]),
  byTitle(redis.call('ZRANGEBYSCORE', KEYS[4], ARGV[3], ARGV[4])),
}
`;

export class RedisReportIndexStore implements ReportIndexStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keyPrefix: string = DEFAULT_KEY_PREFIX,
  ) {
    redis.defineCommand('certlinkReportAdd', { numberOfKeys: 6, lua: ADD_LUA });
    redis.defineCommand('certlinkReportRemove', { numberOfKeys: 6, lua: REMOVE_LUA });
    redis.defineCommand('certlinkReportCounters', { numberOfKeys: 6, lua: COUNTERS_LUA });
  }

  private keys(mpnId: string): ReportKeys {
    const k = (s: string) => orgKey(this.keyPrefix, mpnId, `report:${s}`);
    return [k('members'), k('titles'), k('starts'), k('expiry'), k('expiredTitles'), k('sweptUntil')];
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
    return withStore('reportIndex.counters', async () => {
      const [linked, pendingCredit, titles, expiredTitles, expiring] = await this.redis.certlinkReportCounters(...this.keys(mpnId), String(q.heldAt), String(q.pendingSince), String(q.expiringFrom), String(q.expiringTo));
      const expiredByTitle = new Map(pairs(expiredTitles).map((t) => [t.title, t.count]));
      const byTitle = pairs(titles).map(({ title, count }) => ({ title, count: count - (expiredByTitle.get(title) ?? 0) }));
      return {
        linked,
        pendingCredit,
        byTitle: byTitle.filter((t) => t.count > 0),
        expiring: pairs(expiring),
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
