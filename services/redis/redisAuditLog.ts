/**
 * The audit log on Redis: one stream per org, `<prefix>{org:<mpnId>}:audit`,
 * each entry one field `e` holding the JSON. Streams keep insertion order, read
 * newest-first with XREVRANGE and page with XRANGE, and are not capped by
 * default: an audit log that forgets is not one. `maxLen` is there for
 * deployments that must bound it (approximate trimming, cheap).
 *
 * Retention (PRIVACY.md): entries older than the audit retention are dropped
 * by trimBefore (XTRIM MINID; stream ids are the ms the entry was written),
 * which the retention sweep calls for every org; with `retentionDays` set, a
 * stream nobody writes to any more also expires as a whole that long after
 * its last entry. rewrite() replaces entries in place for pseudonymization.
 */
import type { RedisClient } from './redisConnection';
import { AuditEntry, AuditLog } from '../audit/auditLog';
import { AuditRetention } from '../privacy/retentionStores';
import { DEFAULT_KEY_PREFIX, withStore } from './redisConnection';
import { orgKey } from './redisOrgKeys';

export interface RedisAuditLogOptions {
  keyPrefix?: string;
  maxLen?: number;
  pageSize?: number;
  /** Days after its last entry that an org's whole stream expires (PEXPIRE on every write); unset = never. */
  retentionDays?: number;
}

// KEYS[1] stream. ARGV[1] first id to rewrite, then pairs (id, json) of replacements.
// Stream entries cannot be edited and XADD refuses an id below the stream's last id, so the
// entries from the first rewritten one on are deleted, the last id is set back to the entry
// before them (XSETID), and they are added again with their own ids: same order, same ids.
const REWRITE_LUA = `
local replace = {}
for i = 2, #ARGV, 2 do replace[ARGV[i]] = ARGV[i + 1] end
local items = redis.call('XRANGE', KEYS[1], ARGV[1], '+')
if #items == 0 then return 0 end
local ids = {}
for _, item in ipairs(items) do table.insert(ids, item[1]) end
for i = 1, #ids, 500 do redis.call('XDEL', KEYS[1], unpack(ids, i, math.min(i + 499, #ids))) end
local before = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
if #before > 0 then redis.call('XSETID', KEYS[1], before[1][1]) else redis.call('XSETID', KEYS[1], '0-1') end
local n = 0
for _, item in ipairs(items) do
  local id = item[1]
  local fields = item[2]
  if replace[id] then
    fields = {'e', replace[id]}
    n = n + 1
  end
  redis.call('XADD', KEYS[1], id, unpack(fields))
end
return n
`;

type StreamItem = [id: string, fields: string[]];

export class RedisAuditLog implements AuditLog, AuditRetention {
  private readonly keyPrefix: string;
  private readonly pageSize: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: RedisAuditLogOptions = {},
  ) {
    this.keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.pageSize = options.pageSize ?? 500;
  }

  private key(mpnId: string): string {
    return orgKey(this.keyPrefix, mpnId, 'audit');
  }

  record(entry: AuditEntry): Promise<void> {
    const json = JSON.stringify(entry);
    return withStore('audit.record', async () => {
      const key = this.key(entry.mpnId);
      const added = this.options.maxLen ? this.redis.xadd(key, 'MAXLEN', '~', this.options.maxLen, '*', 'e', json) : this.redis.xadd(key, '*', 'e', json);
      // Sent together (one key, one connection, in this order): the expiry follows the entry in the same write.
      await Promise.all([added, this.options.retentionDays ? this.redis.pexpire(key, this.options.retentionDays * 86_400_000) : null]);
    });
  }

  latest(mpnId: string, count: number): Promise<AuditEntry[]> {
    return withStore('audit.latest', async () => {
      const items = (await this.redis.xrevrange(this.key(mpnId), '+', '-', 'COUNT', count)) as StreamItem[];
      return items.map(parseItem);
    });
  }

  async *stream(mpnId: string): AsyncIterable<AuditEntry> {
    const key = this.key(mpnId);
    // Stop at the last id present when the download started.
    const last = (await withStore('audit.stream', () => this.redis.xrevrange(key, '+', '-', 'COUNT', 1))) as StreamItem[];
    if (last.length === 0) return;
    const end = last[0][0];
    let start = '-';
    for (;;) {
      const page = (await withStore('audit.stream', () => this.redis.xrange(key, start, end, 'COUNT', this.pageSize))) as StreamItem[];
      for (const item of page) yield parseItem(item);
      if (page.length < this.pageSize) return;
      start = `(${page[page.length - 1][0]}`;
    }
  }

  /** Reads the stream in pages, then replaces the changed entries in one script on the org's slot. */
  async rewrite(mpnId: string, rewrite: (entry: AuditEntry) => AuditEntry | null): Promise<number> {
    const key = this.key(mpnId);
    const replacements: string[] = [];
    let first: string | null = null;
    let start = '-';
    for (;;) {
      const page = (await withStore('audit.rewrite', () => this.redis.xrange(key, start, '+', 'COUNT', this.pageSize))) as StreamItem[];
      for (const item of page) {
        const next = rewrite(parseItem(item));
        if (!next) continue;
        first ??= item[0];
        replacements.push(item[0], JSON.stringify(next));
      }
      if (page.length < this.pageSize) break;
      start = `(${page[page.length - 1][0]}`;
    }
    if (!first) return 0;
    return withStore('audit.rewrite', async () => Number(await this.redis.eval(REWRITE_LUA, 1, key, first, ...replacements)));
  }

  /**
   * Decides by each entry's own time (`at`, from the service clock) rather than the
   * stream id (Redis's clock): reads from the oldest entry to the first one to keep,
   * then XTRIM MINID at its id. Entries are appended in time order, so that is a prefix.
   */
  async trimBefore(mpnId: string, before: Date): Promise<number> {
    const key = this.key(mpnId);
    const cutoff = before.getTime();
    let start = '-';
    for (;;) {
      const page = (await withStore('audit.trim', () => this.redis.xrange(key, start, '+', 'COUNT', this.pageSize))) as StreamItem[];
      const keep = page.find((item) => Date.parse(parseItem(item).at) >= cutoff);
      if (keep) return withStore('audit.trim', async () => Number(await this.redis.xtrim(key, 'MINID', keep[0])));
      if (page.length < this.pageSize) {
        // Everything is older than the cutoff.
        return withStore('audit.trim', async () => {
          const n = await this.redis.xlen(key);
          if (n > 0) await this.redis.del(key);
          return n;
        });
      }
      start = `(${page[page.length - 1][0]}`;
    }
  }
}

function parseItem([, fields]: StreamItem): AuditEntry {
  const i = fields.indexOf('e');
  return JSON.parse(fields[i + 1]) as AuditEntry;
}
