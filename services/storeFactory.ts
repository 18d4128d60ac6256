/**
 * Picks the backend once at start and returns every store of it: Redis when REDIS_URL is set,
 * a Redis Cluster when REDIS_CLUSTER_NODES is, the embedded in-memory adapters otherwise.
 * Everything above sees only the interfaces.
 */
import { AssociationStore } from './association/associationStore';
import { AuditLog } from './audit/auditLog';
import { Clock, systemClock } from './clock';
import { ProfileStore } from './directory/profileStore';
import { CertificationProfile } from './directory/types';
import { CounterStore } from './kv/counterStore';
import { DocumentStore } from './kv/documentStore';
import { StoreHealth } from './kv/health';
import { OnceStore } from './kv/onceStore';
import { MemoryAssociationStore } from './memory/memoryAssociationStore';
import { MemoryAuditLog } from './memory/memoryAuditLog';
import { MemoryCounterStore } from './memory/memoryCounterStore';
import { MemoryDocumentStore } from './memory/memoryDocumentStore';
import { memoryNoticeStores } from './memory/memoryNoticeStores';
import { MemoryOnceStore } from './memory/memoryOnceStore';
import { MemoryPartnerAdminStore } from './memory/memoryPartnerAdminStore';
import { MemoryProfileStore } from './memory/memoryProfileStore';
import { MemoryPseudonymizedStartStore } from './memory/memoryPseudonymizedStartStore';
import { MemoryReportIndexStore } from './memory/memoryReportIndexStore';
import { NoticeStores } from './notices/noticeStores';
import { PseudonymizedStartStore } from './privacy/pseudonymizedStarts';
import { DEFAULT_AUDIT_RETENTION_DAYS } from './privacy/retention';
import { RedisAssociationStore } from './redis/redisAssociationStore';
import { RedisAuditLog } from './redis/redisAuditLog';
import { createRedis, createRedisCluster, DEFAULT_KEY_PREFIX, parseClusterNodes, RedisClient, RedisConnectionOptions, waitUntilReady } from './redis/redisConnection';
import { RedisCounterStore } from './redis/redisCounterStore';
import { RedisDocumentStore } from './redis/redisDocumentStore';
import { RedisHealth } from './redis/redisHealth';
import { redisNoticeStores } from './redis/redisNotices';
import { RedisOnceStore } from './redis/redisOnceStore';
import { RedisPartnerAdminStore } from './redis/redisPartnerAdminStore';
import { RedisProfileStore } from './redis/redisProfileStore';
import { RedisPseudonymizedStartStore } from './redis/redisPseudonymizedStartStore';
import { RedisReportIndexStore } from './redis/redisReportIndexStore';
import { ReportIndexStore } from './report/reportIndexStore';
import { PartnerAdminStore } from './roles/partnerAdminStore';

export interface Stores {
  kind: 'memory' | 'redis' | 'redisCluster';
  associations: AssociationStore;
  once: OnceStore;
  documents: DocumentStore;
  profiles: ProfileStore;
  /** Expiring counters (per-person rate limits). */
  counters: CounterStore;
  /** The admin side: the audit trail, the report's index, partner admins. */
  audit: AuditLog;
  reportIndex: ReportIndexStore;
  partnerAdmins: PartnerAdminStore;
  /** Association starts kept after an erasure, under a keyed hash of the MCID. */
  erasedStarts: PseudonymizedStartStore;
  notices: NoticeStores;
  health: StoreHealth;
  /** The shared connection (for BullMQ settings, diagnostics); null on the embedded store. */
  redis: RedisClient | null;
  close(): Promise<void>;
}

export interface CreateStoresOptions {
  /** null = embedded in-memory store: nothing survives a restart (unless redisClusterNodes is set). */
  redisUrl: string | null;
  /** "host:port,host:port" of Redis Cluster nodes; when set, used instead of redisUrl. */
  redisClusterNodes?: string | null;
  /** Prefix for every Redis key (default "certlink:"); tests use a unique one per run. */
  keyPrefix?: string;
  /** Time for the embedded stores' expiries; Redis expires keys on its own clock. */
  clock?: Clock;
  /**
   * Profiles to start with. On Redis only the absent ones are written (imported data is never
   * overwritten), and only when this list differs from the one seeded last: a restart with the
   * same PROFILES_FILE does not bring back a profile erased or expired since. Left out (the notice
   * worker, the import), nothing is seeded and the version seeded last stays as it is.
   */
  profiles?: CertificationProfile[];
  redisOptions?: RedisConnectionOptions;
  /** A record was saved but its derived indexes were not (Redis dropped in between); log it, repair later. */
  onIndexError?: (err: unknown, mcid: string) => void;
  /** How long to wait for Redis at start before failing with StoreUnavailableError (default 5000 ms). */
  connectWaitMs?: number;
  /** Audit entries expire this many days after their org's last entry (Redis; default DEFAULT_AUDIT_RETENTION_DAYS). */
  auditRetentionDays?: number;
}

export async function createStores(opts: CreateStoresOptions): Promise<Stores> {
  const clock = opts.clock ?? systemClock;
  const prefix = opts.keyPrefix ?? DEFAULT_KEY_PREFIX;
  if (opts.redisClusterNodes) {
    const target = parseClusterNodes(opts.redisClusterNodes);
    const client = createRedisCluster(target, opts.redisOptions);
    return openRedis(opts, 'redisCluster', client, () => redisNoticeStores({ client, queueTarget: target, keyPrefix: prefix, clock }));
  }
  if (opts.redisUrl) {
    const redisUrl = opts.redisUrl;
    const client = createRedis(redisUrl, opts.redisOptions);
    return openRedis(opts, 'redis', client, () => redisNoticeStores({ client, queueTarget: redisUrl, keyPrefix: prefix, clock }));
  }
  return createMemoryStores(opts);
}

async function openRedis(opts: CreateStoresOptions, kind: 'redis' | 'redisCluster', redis: RedisClient, notices: () => NoticeStores): Promise<Stores> {
  const prefix = opts.keyPrefix ?? DEFAULT_KEY_PREFIX;
  try {
    await waitUntilReady(redis, opts.connectWaitMs ?? 5000);
    const profiles = new RedisProfileStore(redis, prefix);
    // Once per version of PROFILES_FILE: a restart must not bring back an erased or expired profile.
    if (opts.profiles) await profiles.seedFromSource(opts.profiles);
    return {
      kind,
      associations: new RedisAssociationStore(redis, prefix, { onIndexError: opts.onIndexError }),
      once: new RedisOnceStore(redis, prefix),
      documents: new RedisDocumentStore(redis, prefix),
      profiles,
      counters: new RedisCounterStore(redis, prefix),
      audit: new RedisAuditLog(redis, { keyPrefix: prefix, retentionDays: opts.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS }),
      reportIndex: new RedisReportIndexStore(redis, prefix),
      partnerAdmins: new RedisPartnerAdminStore(redis, prefix),
      erasedStarts: new RedisPseudonymizedStartStore(redis, prefix),
      notices: notices(),
      health: new RedisHealth(redis),
      redis,
      close: () => closeRedis(redis),
    };
  } catch (err) {
    redis.disconnect();
    throw err;
  }
}

function createMemoryStores(opts: CreateStoresOptions): Stores {
  const clock = opts.clock ?? systemClock;
  return {
    kind: 'memory',
    associations: new MemoryAssociationStore(clock),
    once: new MemoryOnceStore(clock),
    documents: new MemoryDocumentStore(clock),
    profiles: new MemoryProfileStore(opts.profiles ?? [], clock),
    counters: new MemoryCounterStore(clock),
    audit: new MemoryAuditLog(),
    reportIndex: new MemoryReportIndexStore(),
    partnerAdmins: new MemoryPartnerAdminStore(),
    erasedStarts: new MemoryPseudonymizedStartStore(clock),
    notices: memoryNoticeStores(clock),
    health: { kind: 'memory', ping: async () => true },
    redis: null,
    close: async () => undefined,
  };
}

/** QUIT when Redis answers; otherwise just drop the socket so shutdown never waits on an outage. */
export async function closeRedis(redis: RedisClient): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
