/**
 * Notices on Redis, one server or a Cluster: references, settings and the ledger under the
 * store's key prefix, and the queue as BullMQ delayed jobs under a hash-tagged prefix, so pending
 * notices survive a restart and any bot or worker process delivers them. Opening the queue also
 * carries over the jobs an earlier release left under the old prefix, at start and then
 * periodically (an older process may still schedule there during a rolling upgrade).
 */
import { Clock } from '../clock';
import { NoticeStores } from '../notices/noticeStores';
import { BullmqNoticeScheduler, BullmqNoticeSource, DEFAULT_NOTICE_QUEUE, legacyNoticeQueuePrefix, noticeQueuePrefix } from './bullmqNoticeScheduler';
import { carryOverLegacyQueue } from './legacyNoticeQueue';
import { RedisDigestSubscriptions } from './redisDigestSubscriptions';
import { ClusterTarget, createQueueConnection, RedisClient } from './redisConnection';
import { DEFAULT_NOTICE_KEY_PREFIX, RedisConversationRefStore, RedisNoticeLedger, RedisNoticePreferenceStore } from './redisNoticeStores';

/** How often a running process looks for jobs under the old prefix again. */
const CARRY_OVER_EVERY_MS = 5 * 60_000;

export interface RedisNoticeOptions {
  /** The store's connection. */
  client: RedisClient;
  /** Where BullMQ opens its own connection: the redis:// URL, or the Cluster (its blocking commands need maxRetriesPerRequest null). */
  queueTarget: string | ClusterTarget;
  keyPrefix?: string;
  clock: Clock;
  /** How often the old prefix is looked at again after the start (default 5 minutes). */
  carryOverEveryMs?: number;
}

export function redisNoticeStores(o: RedisNoticeOptions): NoticeStores {
  const prefix = o.keyPrefix ?? DEFAULT_NOTICE_KEY_PREFIX;
  return {
    refs: new RedisConversationRefStore(o.client, prefix),
    prefs: new RedisNoticePreferenceStore(o.client, prefix, o.clock),
    ledger: new RedisNoticeLedger(o.client, prefix, o.clock),
    digests: new RedisDigestSubscriptions(o.client, prefix),
    async openQueue(options) {
      const queueName = options.queueName ?? DEFAULT_NOTICE_QUEUE;
      const bull = createQueueConnection(o.queueTarget, (err) => options.onError?.(err));
      const bullOptions = { connection: bull, prefix: noticeQueuePrefix(prefix), queueName };
      const scheduler = new BullmqNoticeScheduler(bullOptions, o.clock);
      const source = new BullmqNoticeSource({
        ...bullOptions,
        concurrency: options.concurrency,
        lockDurationMs: options.lockDurationMs,
        stalledIntervalMs: options.stalledIntervalMs,
        onError: options.onError,
      });
      const carryOver = () =>
        carryOverLegacyQueue({
          redis: o.client,
          from: `${legacyNoticeQueuePrefix(prefix)}:${queueName}:`,
          lockKey: `${noticeQueuePrefix(prefix)}:${queueName}:legacy-carry-over`,
          add: (jobs) => scheduler.addCarriedOver(jobs),
        }).then(
          (result) => {
            if (result.moved > 0) options.onCarriedOver?.(result.moved);
          },
          (err) => options.onError?.(err),
        );
      // Before the workers start, so the notices of the old prefix are there from the first poll.
      await carryOver();
      const timer = setInterval(() => void carryOver(), o.carryOverEveryMs ?? CARRY_OVER_EVERY_MS);
      timer.unref();
      return {
        scheduler,
        source,
        async close() {
          clearInterval(timer);
          await scheduler.close();
          bull.disconnect();
        },
      };
    },
  };
}
