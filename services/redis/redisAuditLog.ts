/**
 * The audit log on Redis: one stream per org, `<prefix>{org:<mpnId>}:audit`,
 * each entry one field `e` holding the JSON. Streams keep insertion order, read
 * newest-first with XREVRANGE and page with XRANGE, and are not capped by
 * default: an audit log that forgets is not one. `maxLen` is there for
 * deployments that must bound it (approximate trimming, cheap).
 */
import type { RedisClient } from './redisConnection';
import { AuditEntry, AuditLog } from '../audit/auditLog';
import { DEFAULT_KEY_PREFIX, withStore } from './redisConnection';
import { orgKey } from './redisOrgKeys';

export interface RedisAuditLogOptions {
  keyPrefix?: string;
  maxLen?: number;
  pageSize?: number;
}

type StreamItem = [id: string, fields: string[]];

export class RedisAuditLog implements AuditLog {
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
      if (this.options.maxLen) await this.redis.xadd(this.key(entry.mpnId), 'MAXLEN', '~', this.options.maxLen, '*', 'e', json);
      else await this.redis.xadd(this.key(entry.mpnId), '*', 'e', json);
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
}

function parseItem([, fields]: StreamItem): AuditEntry {
  const i = fields.indexOf('e');
  return JSON.parse(fields[i + 1]) as AuditEntry;
}
