/**
 * Per-MCID records on Redis. The record is the source of truth and lives on one
 * hash slot ({mcid:<id>}), so compare-and-set is one single-key Lua script that
 * runs unchanged on Redis Cluster. Org membership and person → MCID are derived
 * indexes on their own slots, written after the record (never in the same
 * command: that would be CROSSSLOT on a cluster) and verified by readers.
 */
import type Redis from 'ioredis';
import type { Result } from 'ioredis';
import { AssociationStore } from '../association/associationStore';
import { indexDelta } from '../association/derivedIndexes';
import { McidRecord } from '../association/types';
import { RecordRetention } from '../privacy/retentionStores';
import { checkKeyPrefix, DEFAULT_KEY_PREFIX, pipelineValues, withStore } from './redisConnection';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** KEYS: record. ARGV: expected version, next JSON. 1 = written, 0 = someone wrote first. */
    certlinkSaveRecord(recordKey: string, expectedVersion: string, nextJson: string): Result<number, Context>;
    /** KEYS: person key. ARGV: mcid. Deletes the key only while it still names this MCID. */
    certlinkDelIfEquals(key: string, expected: string): Result<number, Context>;
    /** KEYS: record. ARGV: expected version. 1 = deleted, 0 = someone wrote first. */
    certlinkDeleteRecord(recordKey: string, expectedVersion: string): Result<number, Context>;
  }
}

const SAVE_RECORD_LUA = `
local current = redis.call('GET', KEYS[1])
local version = 0
if current then version = tonumber(cjson.decode(current).version) or 0 end
if version ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`;

const DELETE_RECORD_LUA = `
local current = redis.call('GET', KEYS[1])
local version = 0
if current then version = tonumber(cjson.decode(current).version) or 0 end
if version ~= tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
return 1
`;

export const DEL_IF_EQUALS_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export function defineGuardedDelete(redis: Redis): void {
  redis.defineCommand('certlinkDelIfEquals', { numberOfKeys: 1, lua: DEL_IF_EQUALS_LUA });
}

export class RedisAssociationKeys {
  constructor(readonly prefix: string = DEFAULT_KEY_PREFIX) {
    checkKeyPrefix(prefix);
  }
  record(mcid: string): string {
    return `${this.prefix}{mcid:${mcid}}:record`;
  }
  orgMembers(mpnId: string): string {
    return `${this.prefix}{org:${mpnId}}:members`;
  }
  /** Tenant ids are GUIDs Teams sends in either case; user ids are compared as given. */
  person(tenantId: string, userId: string): string {
    return `${this.prefix}{person:${tenantId.toLowerCase()}|${userId}}`;
  }
}

export interface RedisAssociationStoreOptions {
  /**
   * Told when a record was saved but its derived indexes could not be updated
   * (Redis went away between the two steps). saveRecord still reports the save,
   * because it happened; repairIndexes(mcid) puts the indexes right later.
   */
  onIndexError?: (err: unknown, mcid: string) => void;
}

export class RedisAssociationStore implements AssociationStore, RecordRetention {
  private readonly keys: RedisAssociationKeys;
  private readonly onIndexError: (err: unknown, mcid: string) => void;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string = DEFAULT_KEY_PREFIX,
    opts: RedisAssociationStoreOptions = {},
  ) {
    this.keys = new RedisAssociationKeys(keyPrefix);
    this.onIndexError = opts.onIndexError ?? (() => process.emitWarning('Association index update failed after a record was saved; run repairIndexes'));
    redis.defineCommand('certlinkSaveRecord', { numberOfKeys: 1, lua: SAVE_RECORD_LUA });
    redis.defineCommand('certlinkDeleteRecord', { numberOfKeys: 1, lua: DELETE_RECORD_LUA });
    defineGuardedDelete(redis);
  }

  getRecord(mcid: string): Promise<McidRecord | null> {
    return withStore('getRecord', async () => parseRecord(await this.redis.get(this.keys.record(mcid))));
  }

  getRecords(mcids: string[]): Promise<(McidRecord | null)[]> {
    if (mcids.length === 0) return Promise.resolve([]);
    // Each record is on its own slot, so MGET would be CROSSSLOT on a cluster: one pipelined GET each.
    return withStore('getRecords', async () => {
      const pipeline = this.redis.pipeline();
      for (const mcid of mcids) pipeline.get(this.keys.record(mcid));
      return pipelineValues(await pipeline.exec()).map((v) => parseRecord(v as string | null));
    });
  }

  saveRecord(prev: McidRecord, next: McidRecord): Promise<boolean> {
    if (prev.mcid !== next.mcid) return Promise.reject(new Error('saveRecord: prev and next are different MCIDs'));
    return withStore('saveRecord', async () => {
      const written = await this.redis.certlinkSaveRecord(this.keys.record(next.mcid), String(prev.version), JSON.stringify(next));
      if (written !== 1) return false;
      // The record is saved: failing now would tell the person "nothing changed" when it did.
      await this.applyIndexes(prev, next).catch((err: unknown) => this.onIndexError(err, next.mcid));
      return true;
    });
  }

  deleteRecord(prev: McidRecord): Promise<boolean> {
    return withStore('deleteRecord', async () => {
      const deleted = await this.redis.certlinkDeleteRecord(this.keys.record(prev.mcid), String(prev.version));
      if (deleted !== 1) return false;
      await this.applyIndexes(prev, { ...prev, link: null }).catch((err: unknown) => this.onIndexError(err, prev.mcid));
      return true;
    });
  }

  /** SET in the save script clears a key's TTL, so a later link cancels this expiry by itself. */
  expireRecordAt(mcid: string, at: Date): Promise<void> {
    return withStore('expireRecordAt', async () => {
      await this.redis.pexpireat(this.keys.record(mcid), at.getTime());
    });
  }

  /**
   * Re-adds the index entries the stored record implies (idempotent). Entries
   * it no longer implies are left for readers to skip, as they verify anyway.
   */
  repairIndexes(mcid: string): Promise<void> {
    return withStore('repairIndexes', async () => {
      const record = await this.getRecord(mcid);
      if (record?.link) await this.applyIndexes({ ...record, link: null }, record);
    });
  }

  /**
   * The record is already written: if this step fails, the indexes are stale
   * until the next write, and readers verify against the record anyway.
   */
  private async applyIndexes(prev: McidRecord, next: McidRecord): Promise<void> {
    const delta = indexDelta(prev, next);
    const pipeline = this.redis.pipeline();
    if (delta.orgRemove) pipeline.srem(this.keys.orgMembers(delta.orgRemove.mpnId), delta.orgRemove.mcid);
    if (delta.orgAdd) pipeline.sadd(this.keys.orgMembers(delta.orgAdd.mpnId), delta.orgAdd.mcid);
    if (delta.personClear) {
      // Only if it still names this MCID: the person may have linked another MCID since.
      pipeline.certlinkDelIfEquals(this.keys.person(delta.personClear.tenantId, delta.personClear.userId), prev.mcid);
    }
    if (delta.personSet) pipeline.set(this.keys.person(delta.personSet.tenantId, delta.personSet.userId), delta.personSet.mcid);
    if (pipeline.length === 0) return;
    pipelineValues(await pipeline.exec());
  }

  mcidForPerson(tenantId: string, userId: string): Promise<string | null> {
    return withStore('mcidForPerson', () => this.redis.get(this.keys.person(tenantId, userId)));
  }

  async *scanOrgMembers(mpnId: string, batchSize = 500): AsyncIterable<string[]> {
    const key = this.keys.orgMembers(mpnId);
    // SSCAN may return an element twice when the set is rehashed mid-scan.
    const seen = new Set<string>();
    let pending: string[] = [];
    let cursor = '0';
    do {
      const [nextCursor, members] = await withStore('scanOrgMembers', () => this.redis.sscan(key, cursor, 'COUNT', batchSize));
      cursor = nextCursor;
      for (const m of members) {
        if (seen.has(m)) continue;
        seen.add(m);
        pending.push(m);
      }
      // COUNT is only a hint: re-cut so no batch is larger than asked.
      while (pending.length >= batchSize) {
        yield pending.slice(0, batchSize);
        pending = pending.slice(batchSize);
      }
    } while (cursor !== '0');
    if (pending.length > 0) yield pending;
  }

  countOrgMembers(mpnId: string): Promise<number> {
    return withStore('countOrgMembers', () => this.redis.scard(this.keys.orgMembers(mpnId)));
  }
}

function parseRecord(json: string | null): McidRecord | null {
  return json ? (JSON.parse(json) as McidRecord) : null;
}
