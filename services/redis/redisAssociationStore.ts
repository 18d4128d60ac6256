/**
 * Per-MCID records on Redis. The record is the source of truth and lives on one
 * hash slot ({mcid:<id>}), so compare-and-set is one single-key Lua script that
 * runs unchanged on Redis Cluster. Org membership and person → MCID are derived
 * indexes on their own slots, written after the record (never in the same
 * command: that would be CROSSSLOT on a cluster) and verified by readers.
 */
import type { Result } from 'ioredis';
import { AssociationStore } from '../association/associationStore';
import { indexDelta } from '../association/derivedIndexes';
import { McidRecord } from '../association/types';
import { RecordRetention } from '../privacy/retentionStores';
import { checkKeyPrefix, DEFAULT_KEY_PREFIX, RedisClient, withStore } from './redisConnection';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** KEYS: record. ARGV: expected version, next JSON. 1 = written, 0 = someone wrote first. */
    certlinkSaveRecord(recordKey: string, expectedVersion: string, nextJson: string): Result<number, Context>;
    /** KEYS: person key. ARGV: mcid. Deletes the key only while it still names this MCID. */
    certlinkDelIfEquals(key: string, expected: string): Result<number, Context>;
    /** KEYS: record. ARGV: expected version. 1 = deleted, 0 = someone wrote first. */
    certlinkDeleteRecord(recordKey: string, expectedVersion: string): Result<number, Context>;
    /**
     * KEYS: org members set, the MCID's membership version key (same {org:} slot).
     * ARGV: mcid, record version, '1' add / '0' remove, version TTL in seconds.
     * Applies the change only if no newer version of the record already changed this membership.
     */
    certlinkOrgMembership(membersKey: string, versionKey: string, mcid: string, version: string, add: string, ttlSeconds: string): Result<number, Context>;
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

/**
 * Two bot processes may write versions 5 and 6 of a record within a
 * millisecond and run their index steps in the other order; the org index
 * must end as version 6 says. Each membership change carries the record
 * version that made it, and an older one arriving late is ignored. Both keys
 * share the org's hash tag, so this is one script on one slot.
 */
const ORG_MEMBERSHIP_LUA = `
local seen = tonumber(redis.call('GET', KEYS[2]) or '0')
if tonumber(ARGV[2]) <= seen then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[4])
if ARGV[3] == '1' then redis.call('SADD', KEYS[1], ARGV[1]) else redis.call('SREM', KEYS[1], ARGV[1]) end
return 1
`;

/**
 * How long a membership version is remembered: long enough to order index
 * steps that race by milliseconds or wait for Redis to come back, short
 * enough that an org's keys do not keep every MCID that ever left it.
 */
export const MEMBER_VERSION_TTL_SECONDS = 24 * 60 * 60;

export const DEL_IF_EQUALS_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export function defineGuardedDelete(redis: RedisClient): void {
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
  /** The record version that last changed one MCID's membership of an org (same {org:} slot as the set; see ORG_MEMBERSHIP_LUA). */
  orgMemberVersion(mpnId: string, mcid: string): string {
    return `${this.prefix}{org:${mpnId}}:memberVersion:${mcid}`;
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
  /** Saves whose index step failed (Redis dropped in between), oldest first, to apply again when Redis returns. */
  private readonly unindexed: { prev: McidRecord; next: McidRecord }[] = [];
  private readonly onReady = (): void => void this.retryUnindexed();

  constructor(
    private readonly redis: RedisClient,
    keyPrefix: string = DEFAULT_KEY_PREFIX,
    opts: RedisAssociationStoreOptions = {},
  ) {
    this.keys = new RedisAssociationKeys(keyPrefix);
    this.onIndexError = opts.onIndexError ?? (() => process.emitWarning('Association index update failed after a record was saved; run repairIndexes'));
    redis.defineCommand('certlinkSaveRecord', { numberOfKeys: 1, lua: SAVE_RECORD_LUA });
    redis.defineCommand('certlinkDeleteRecord', { numberOfKeys: 1, lua: DELETE_RECORD_LUA });
    // Redis is back: put right the indexes of the saves it missed (see saveRecord).
    redis.on('ready', this.onReady);
    redis.defineCommand('certlinkOrgMembership', { numberOfKeys: 2, lua: ORG_MEMBERSHIP_LUA });
    defineGuardedDelete(redis);
  }

  /**
   * Stops listening to the connection, which outlives the store when several stores share one
   * (tests); the app closes its connection instead.
   */
  detach(): void {
    this.redis.off('ready', this.onReady);
  }

  getRecord(mcid: string): Promise<McidRecord | null> {
    return withStore('getRecord', async () => parseRecord(await this.redis.get(this.keys.record(mcid))));
  }

  getRecords(mcids: string[]): Promise<(McidRecord | null)[]> {
    if (mcids.length === 0) return Promise.resolve([]);
    // Each record is on its own slot, so MGET (or one explicit pipeline) would be CROSSSLOT on a cluster:
    // parallel GETs, which ioredis writes back to back (and auto-pipelines per node on a cluster).
    return withStore('getRecords', async () => {
      const values = await Promise.all(mcids.map((mcid) => this.redis.get(this.keys.record(mcid))));
      return values.map(parseRecord);
    });
  }

  saveRecord(prev: McidRecord, next: McidRecord, onWritten?: () => Promise<void>): Promise<boolean> {
    if (prev.mcid !== next.mcid) return Promise.reject(new Error('saveRecord: prev and next are different MCIDs'));
    return withStore('saveRecord', async () => {
      const written = await this.redis.certlinkSaveRecord(this.keys.record(next.mcid), String(prev.version), JSON.stringify(next));
      if (written !== 1) return false;
      // The record is saved: failing now would tell the person "nothing changed" when it did.
      const indexed = this.applyIndexes(prev, next).catch((err: unknown) => {
        this.unindexed.push({ prev, next });
        this.onIndexError(err, next.mcid);
      });
      await Promise.all([indexed, onWritten?.().catch(() => undefined)]);
      return true;
    });
  }

  deleteRecord(prev: McidRecord): Promise<boolean> {
    return withStore('deleteRecord', async () => {
      const deleted = await this.redis.certlinkDeleteRecord(this.keys.record(prev.mcid), String(prev.version));
      if (deleted !== 1) return false;
      await this.applyIndexes(prev, { ...prev, link: null }).catch((err: unknown) => this.onIndexError(err, prev.mcid));
      // A new record starts again at version 1: no remembered version may hold back its index, or name the MCID.
      const orgs = new Set([...prev.starts.map((s) => s.mpnId), ...prev.ended.map((e) => e.mpnId), ...(prev.link ? [prev.link.mpnId] : [])]);
      await Promise.all([...orgs].filter(Boolean).map((mpnId) => this.redis.del(this.keys.orgMemberVersion(mpnId, prev.mcid))));
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
   * Applies again the index steps that failed, in order. Safe to repeat: org
   * membership changes carry their record version, so a late or repeated one
   * never undoes a newer one. Those that fail again wait for the next 'ready'.
   */
  async retryUnindexed(): Promise<number> {
    let done = 0;
    while (this.unindexed.length > 0) {
      const { prev, next } = this.unindexed[0];
      try {
        await this.applyIndexes(prev, next);
      } catch {
        return done;
      }
      this.unindexed.shift();
      done += 1;
    }
    return done;
  }

  /** Index steps waiting for Redis (for diagnostics and tests). */
  get unindexedCount(): number {
    return this.unindexed.length;
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
    const version = String(next.version);
    const steps: Promise<unknown>[] = [];
    const membership = (mpnId: string, mcid: string, add: boolean) =>
      this.redis.certlinkOrgMembership(this.keys.orgMembers(mpnId), this.keys.orgMemberVersion(mpnId, mcid), mcid, version, add ? '1' : '0', String(MEMBER_VERSION_TTL_SECONDS));
    if (delta.orgRemove) steps.push(membership(delta.orgRemove.mpnId, delta.orgRemove.mcid, false));
    if (delta.orgAdd) steps.push(membership(delta.orgAdd.mpnId, delta.orgAdd.mcid, true));
    // The person keys are on their own slots: separate commands, not one pipeline (CROSSSLOT on a cluster).
    if (delta.personClear) {
      // Only if it still names this MCID: the person may have linked another MCID since.
      steps.push(this.redis.certlinkDelIfEquals(this.keys.person(delta.personClear.tenantId, delta.personClear.userId), prev.mcid));
    }
    if (delta.personSet) steps.push(this.redis.set(this.keys.person(delta.personSet.tenantId, delta.personSet.userId), delta.personSet.mcid));
    await Promise.all(steps);
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
