/**
 * Pseudonymized start dates on Redis: one key per hashed MCID,
 * `<prefix>{pstarts:<hash>}`, a JSON array of ISO dates, expiring on its own
 * (PXAT) when the limit window no longer needs the latest date.
 */
import { PseudonymizedStartStore } from '../privacy/pseudonymizedStarts';
import { checkKeyPrefix, DEFAULT_KEY_PREFIX, RedisClient, withStore } from './redisConnection';

// KEYS[1] key; ARGV[1] JSON array of dates, ARGV[2] expiry ms. A union with what is there, in one step.
const KEEP_LUA = `
local old = redis.call('GET', KEYS[1])
local set = {}
local out = {}
local function add(list) for _, d in ipairs(list) do if not set[d] then set[d] = true; table.insert(out, d) end end end
if old then add(cjson.decode(old)) end
add(cjson.decode(ARGV[1]))
table.sort(out)
redis.call('SET', KEYS[1], cjson.encode(out), 'PXAT', ARGV[2])
return #out
`;

export class RedisPseudonymizedStartStore implements PseudonymizedStartStore {
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    keyPrefix: string = DEFAULT_KEY_PREFIX,
  ) {
    this.prefix = checkKeyPrefix(keyPrefix);
  }

  key(hashedMcid: string): string {
    return `${this.prefix}{pstarts:${hashedMcid}}`;
  }

  keep(hashedMcid: string, startsIso: string[], expiresAt: Date): Promise<void> {
    return withStore('pstarts.keep', async () => {
      await this.redis.eval(KEEP_LUA, 1, this.key(hashedMcid), JSON.stringify(startsIso), String(expiresAt.getTime()));
    });
  }

  get(hashedMcid: string): Promise<string[]> {
    return withStore('pstarts.get', async () => {
      const raw = await this.redis.get(this.key(hashedMcid));
      return raw ? (JSON.parse(raw) as string[]) : [];
    });
  }
}
