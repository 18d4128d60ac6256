/**
 * Carries notices over from the queue's keys of earlier releases. Those used BullMQ's prefix
 * `<prefix>bull` (keys `<prefix>bull:notices:…`, spread over many hash slots); the queue now lives
 * under `<prefix>{bull}` so that its scripts run on Redis Cluster. Pending jobs (delayed, waiting,
 * paused, prioritized, active: an older process still sending one is kept from a second send by
 * the delivery ledger) move to the new queue with their job ids, names, data and due times; what
 * is left of the old queue (failed and finished jobs, its bookkeeping) is deleted. Single-key
 * commands only, so it also runs on a Cluster (where a cache switched from the non-clustered
 * policy to OSS would hold the old keys).
 *
 * Once: one process at a time holds a lock, and every step is safe to repeat. A job is copied
 * before it is deleted, so a process that dies in between leaves a copy that the next run finds
 * again; BullMQ does not add a job id the new queue already holds, and the delivery ledger stops a
 * second send of a notice copied again after it was delivered.
 */
import { randomUUID } from 'node:crypto';
import { escapeGlob, RedisClient, scanKeys } from './redisConnection';

/** A pending job of the old queue, as it is carried over. */
export interface LegacyJob {
  id: string;
  /** BullMQ's job name: the kind of notice. */
  name: string;
  /** The job's data, as BullMQ stored it (JSON). */
  data: string;
  /** When it is due, in ms since the epoch (now for a job that was already due). */
  dueAtMs: number;
}

export interface CarryOverOptions {
  /** Any connection; only single-key commands are sent. */
  redis: RedisClient;
  /** The old queue's key base, e.g. `certlink:bull:notices:`. */
  from: string;
  /** A key only the carry-over uses (a lock with a TTL). */
  lockKey: string;
  /** Adds the jobs to the new queue under the same ids; an id the new queue holds already stays as it is. */
  add(jobs: LegacyJob[]): Promise<void>;
  batchSize?: number;
  lockTtlMs?: number;
  now?: () => number;
}

export interface CarryOverResult {
  /** Jobs moved into the new queue by this call. */
  moved: number;
  /** Another process was carrying over: this call did nothing. */
  busy: boolean;
}

const SORTED_STATES = ['delayed', 'prioritized'] as const;
const LIST_STATES = ['wait', 'paused', 'active'] as const;
type PendingState = (typeof SORTED_STATES)[number] | (typeof LIST_STATES)[number];
const PENDING_STATES: readonly PendingState[] = [...SORTED_STATES, ...LIST_STATES];

/** BullMQ scores a delayed job (due time in ms) × 0x1000 + a counter. */
const DELAYED_SCORE_SHIFT = 0x1000;

// KEYS[1] lock; ARGV: token, ttl ms. Extends the lock only while this process holds it.
const EXTEND_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export async function carryOverLegacyQueue(o: CarryOverOptions): Promise<CarryOverResult> {
  const { redis, from } = o;
  const key = (suffix: string) => `${from}${suffix}`;
  const now = o.now ?? Date.now;
  const batchSize = o.batchSize ?? 500;
  const lockTtlMs = o.lockTtlMs ?? 60_000;

  const pendingCount = async () => {
    const sizes = await Promise.all([...SORTED_STATES.map((s) => redis.zcard(key(s))), ...LIST_STATES.map((s) => redis.llen(key(s)))]);
    return sizes.reduce((a, b) => a + b, 0);
  };
  // Every BullMQ queue that ever held a job has its meta hash: none and nothing pending = nothing to do (the common case).
  if ((await pendingCount()) === 0 && (await redis.exists(key('meta'))) === 0) return { moved: 0, busy: false };

  const token = randomUUID();
  if ((await redis.set(o.lockKey, token, 'PX', lockTtlMs, 'NX')) !== 'OK') return { moved: 0, busy: true };
  try {
    let moved = 0;
    for (const state of PENDING_STATES) {
      // An id seen once and still there (an old process moved it meanwhile) is left for the next run.
      const seen = new Set<string>();
      for (;;) {
        const batch = (await readBatch(redis, key(state), state, batchSize)).filter((e) => !seen.has(e.id));
        if (batch.length === 0) break;
        batch.forEach((e) => seen.add(e.id));
        const jobs = await Promise.all(
          batch.map(async ({ id, score }): Promise<LegacyJob | null> => {
            const [name, data] = await redis.hmget(key(id), 'name', 'data');
            if (!name || !data) return null;
            const due = score === null ? NaN : Math.floor(score / DELAYED_SCORE_SHIFT);
            return { id, name, data, dueAtMs: Number.isFinite(due) ? due : now() };
          }),
        );
        const found = jobs.filter((j): j is LegacyJob => j !== null);
        if (found.length) await o.add(found);
        const ids = batch.map((e) => e.id);
        await (state === 'delayed' || state === 'prioritized' ? redis.zrem(key(state), ...ids) : Promise.all(ids.map((id) => redis.lrem(key(state), 0, id))));
        await Promise.all(ids.flatMap((id) => [key(id), key(`${id}:logs`), key(`${id}:lock`)]).map((k) => redis.unlink(k)));
        moved += found.length;
        await redis.eval(EXTEND_LOCK, 1, o.lockKey, token, lockTtlMs);
      }
    }
    if ((await pendingCount()) === 0) await deleteLeftovers(redis, from);
    return { moved, busy: false };
  } finally {
    await redis.eval(RELEASE_LOCK, 1, o.lockKey, token).catch(() => undefined);
  }
}

async function readBatch(redis: RedisClient, listKey: string, state: PendingState, size: number): Promise<{ id: string; score: number | null }[]> {
  if (state === 'delayed' || state === 'prioritized') {
    const flat = await redis.zrange(listKey, 0, size - 1, 'WITHSCORES');
    const out: { id: string; score: number | null }[] = [];
    for (let i = 0; i < flat.length; i += 2) out.push({ id: flat[i], score: state === 'delayed' ? Number(flat[i + 1]) : null });
    return out;
  }
  return (await redis.lrange(listKey, 0, size - 1)).map((id) => ({ id, score: null }));
}

/**
 * Deletes the old queue's remaining keys: failed and finished jobs (their data names the person)
 * and BullMQ's bookkeeping. A job that is pending again (an older process still running during a
 * rolling upgrade) and the lists that hold it are left for the next run.
 */
async function deleteLeftovers(redis: RedisClient, from: string): Promise<void> {
  const pending = async (id: string) => {
    const places = await Promise.all([...SORTED_STATES.map((s) => redis.zscore(`${from}${s}`, id).then((score) => score !== null)), ...LIST_STATES.map((s) => redis.lpos(`${from}${s}`, id).then((at) => at !== null))]);
    return places.some(Boolean);
  };
  await scanKeys(redis, `${escapeGlob(from)}*`, async (keys) => {
    for (const k of keys) {
      const rest = k.slice(from.length);
      if ((PENDING_STATES as readonly string[]).includes(rest)) continue;
      if (await pending(rest.replace(/:(logs|lock)$/, ''))) continue;
      await redis.unlink(k);
    }
  });
}
