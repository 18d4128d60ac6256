/**
 * Picks the stores once at start: Redis when REDIS_URL is set, the embedded
 * in-memory adapters otherwise. Everything above sees only the interfaces.
 */
import { AssociationStore } from './association/associationStore';
import { Clock, systemClock } from './clock';
import { ProfileStore } from './directory/profileStore';
import { CertificationProfile } from './directory/types';
import { DocumentStore } from './kv/documentStore';
import { StoreHealth } from './kv/health';
import { CounterStore } from './kv/counterStore';
import { OnceStore } from './kv/onceStore';
import { MemoryAssociationStore } from './memory/memoryAssociationStore';
import { MemoryCounterStore } from './memory/memoryCounterStore';
import { MemoryDocumentStore } from './memory/memoryDocumentStore';
import { MemoryOnceStore } from './memory/memoryOnceStore';
import { MemoryProfileStore } from './memory/memoryProfileStore';
import { RedisAssociationStore } from './redis/redisAssociationStore';
import { RedisCounterStore } from './redis/redisCounterStore';
import {
  createRedis,
  createRedisCluster,
  DEFAULT_KEY_PREFIX,
  parseClusterNodes,
  RedisClient,
  RedisConnectionOptions,
  waitUntilReady,
} from './redis/redisConnection';
import { RedisDocumentStore } from './redis/redisDocumentStore';
import { RedisHealth } from './redis/redisHealth';
import { RedisOnceStore } from './redis/redisOnceStore';
import { RedisProfileStore } from './redis/redisProfileStore';

export interface Stores {
  kind: 'memory' | 'redis';
  associations: AssociationStore;
  once: OnceStore;
  documents: DocumentStore;
  profiles: ProfileStore;
  /** Expiring counters (per-person rate limits). */
  counters: CounterStore;
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
   * same PROFILES_FILE does not bring back a profile erased or expired since.
   */
  profiles?: CertificationProfile[];
  redisOptions?: RedisConnectionOptions;
  /** A record was saved but its derived indexes were not (Redis dropped in between); log it, repair later. */
  onIndexError?: (err: unknown, mcid: string) => void;
  /** How long to wait for Redis at start before failing with StoreUnavailableError (default 5000 ms). */
  connectWaitMs?: number;
}

export async function createStores(opts: CreateStoresOptions): Promise<Stores> {
  const redis: RedisClient | null = opts.redisClusterNodes
    ? createRedisCluster(parseClusterNodes(opts.redisClusterNodes), opts.redisOptions)
    : opts.redisUrl
      ? createRedis(opts.redisUrl, opts.redisOptions)
      : null;
  if (!redis) return createMemoryStores(opts);
  try {
    await waitUntilReady(redis, opts.connectWaitMs ?? 5000);
    const prefix = opts.keyPrefix ?? DEFAULT_KEY_PREFIX;
    const profiles = new RedisProfileStore(redis, prefix);
    // Once per version of PROFILES_FILE: a restart must not bring back an erased or expired profile.
    await profiles.seedFromSource(opts.profiles ?? []);
    return {
      kind: 'redis',
      associations: new RedisAssociationStore(redis, prefix, { onIndexError: opts.onIndexError }),
      once: new RedisOnceStore(redis, prefix),
      documents: new RedisDocumentStore(redis, prefix),
      profiles,
      counters: new RedisCounterStore(redis, prefix),
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
