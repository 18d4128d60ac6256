/**
 * Notice stores on Redis: one small key per person or notice, so every step is
 * a single-key command or script and runs unchanged on Redis Cluster (the
 * Cluster scenario of `npm run test:reliability` runs their contract there).
 * Expiry is decided against the injected clock (values carry their deadline)
 * and also set as a Redis TTL, so keys clean themselves up.
 */
import { Clock, DAY_MS, systemClock } from '../clock';
import { StoreUnavailableError } from '../errors';
import { pickLocale } from '../i18n/locale';
import { ConversationRefStore, NoticePreferenceStore } from '../notices/conversationRefStore';
import { LedgerClaim, NoticeLedger } from '../notices/noticeLedger';
import { ConversationRef } from '../notices/types';
import { RedisClient } from './redisConnection';

export const DEFAULT_NOTICE_KEY_PREFIX = 'certlink:';

/** Redis errors that are answers (a script bug, a wrong type) stay as they are; the rest means Redis is out of reach. */
export async function redisCall<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Error && err.name === 'ReplyError') throw err;
    throw new StoreUnavailableError(`Redis unavailable during ${what}`, err);
  }
}

const person = (tenantId: string, userId: string) => `{person:${tenantId.toLowerCase()}|${userId}}`;

export class RedisConversationRefStore implements ConversationRefStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string = DEFAULT_NOTICE_KEY_PREFIX,
  ) {}

  private key(tenantId: string, userId: string): string {
    return `${this.prefix}${person(tenantId, userId)}:convref`;
  }

  save(ref: ConversationRef): Promise<void> {
    return redisCall('convref.save', async () => {
      await this.redis.set(this.key(ref.tenantId, ref.userId), JSON.stringify(ref));
    });
  }

  get(tenantId: string, userId: string): Promise<ConversationRef | null> {
    return redisCall('convref.get', async () => {
      const raw = await this.redis.get(this.key(tenantId, userId));
      if (!raw) return null;
      const ref = JSON.parse(raw) as ConversationRef;
      return { ...ref, locale: pickLocale(ref.locale) };
    });
  }

  forget(tenantId: string, userId: string): Promise<void> {
    return redisCall('convref.forget', async () => {
      await this.redis.del(this.key(tenantId, userId));
    });
  }
}

// KEYS[1] reminded key; ARGV: at ms, window ms. Value "at|windowMs".
const CLAIM_REMINDER = `
local v = redis.call('GET', KEYS[1])
local at = tonumber(ARGV[1])
local win = tonumber(ARGV[2])
if v then
  local sep = string.find(v, '|', 1, true)
  if tonumber(string.sub(v, 1, sep - 1)) + win > at then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'PX', win)
return 1`;

export class RedisNoticePreferenceStore implements NoticePreferenceStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string = DEFAULT_NOTICE_KEY_PREFIX,
    private readonly clock: Clock = systemClock,
  ) {}

  private key(tenantId: string, userId: string, what: 'noticesOff' | 'reminded'): string {
    return `${this.prefix}${person(tenantId, userId)}:${what}`;
  }

  noticesEnabled(tenantId: string, userId: string): Promise<boolean> {
    return redisCall('prefs.get', async () => (await this.redis.exists(this.key(tenantId, userId, 'noticesOff'))) === 0);
  }

  setNoticesEnabled(tenantId: string, userId: string, enabled: boolean): Promise<void> {
    const key = this.key(tenantId, userId, 'noticesOff');
    return redisCall('prefs.set', async () => {
      if (enabled) await this.redis.del(key);
      else await this.redis.set(key, '1');
    });
  }

  lastReminded(tenantId: string, userId: string): Promise<Date | null> {
    return redisCall('prefs.lastReminded', async () => {
      const raw = await this.redis.get(this.key(tenantId, userId, 'reminded'));
      if (!raw) return null;
      const [at, windowMs] = raw.split('|').map(Number);
      return at + windowMs > this.clock.now().getTime() ? new Date(at) : null;
    });
  }

  claimReminder(tenantId: string, userId: string, at: Date, withinDays: number): Promise<boolean> {
    const windowMs = Math.max(1, Math.round(withinDays * DAY_MS));
    return redisCall('prefs.claimReminder', async () => {
      const won = await this.redis.eval(CLAIM_REMINDER, 1, this.key(tenantId, userId, 'reminded'), at.getTime(), windowMs);
      return won === 1;
    });
  }

  releaseReminder(tenantId: string, userId: string): Promise<void> {
    return redisCall('prefs.releaseReminder', async () => {
      await this.redis.del(this.key(tenantId, userId, 'reminded'));
    });
  }
}

// KEYS[1] ledger key; ARGV: now ms, claim ttl ms. Value "sending|untilMs" or "sent|untilMs".
const LEDGER_CLAIM = `
local v = redis.call('GET', KEYS[1])
local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
if v then
  local sep = string.find(v, '|', 1, true)
  if tonumber(string.sub(v, sep + 1)) > now then
    if string.sub(v, 1, sep - 1) == 'sent' then return 'alreadySent' end
    return 'inFlight'
  end
end
redis.call('SET', KEYS[1], 'sending|' .. (now + ttl), 'PX', ttl)
return 'claimed'`;

const LEDGER_RELEASE = `
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 8) == 'sending|' then redis.call('DEL', KEYS[1]) end
return 0`;

export class RedisNoticeLedger implements NoticeLedger {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string = DEFAULT_NOTICE_KEY_PREFIX,
    private readonly clock: Clock = systemClock,
  ) {}

  private key(noticeKey: string): string {
    return `${this.prefix}ledger:{${noticeKey}}`;
  }

  claim(key: string, claimTtlMs: number): Promise<LedgerClaim> {
    const ttl = Math.max(1, Math.round(claimTtlMs));
    return redisCall('ledger.claim', async () => {
      const result = await this.redis.eval(LEDGER_CLAIM, 1, this.key(key), this.clock.now().getTime(), ttl);
      return result as LedgerClaim;
    });
  }

  markSent(key: string, keepMs: number): Promise<void> {
    const keep = Math.max(1, Math.round(keepMs));
    return redisCall('ledger.markSent', async () => {
      await this.redis.set(this.key(key), `sent|${this.clock.now().getTime() + keep}`, 'PX', keep);
    });
  }

  release(key: string): Promise<void> {
    return redisCall('ledger.release', async () => {
      await this.redis.eval(LEDGER_RELEASE, 1, this.key(key));
    });
  }
}

export { deleteKeysByPrefix } from './redisConnection';
