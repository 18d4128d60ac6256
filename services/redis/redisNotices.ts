/**
 * Notices on a standalone Redis server: references, settings and the ledger under the store's
 * key prefix, and the queue as BullMQ delayed jobs, so pending notices survive a restart and
 * any bot or worker process delivers them.
 */
import Redis from 'ioredis';
import { Clock } from '../clock';
import { NoticeStores } from '../notices/noticeStores';
import { BullmqNoticeScheduler, BullmqNoticeSource } from './bullmqNoticeScheduler';
import { DEFAULT_NOTICE_KEY_PREFIX, RedisConversationRefStore, RedisNoticeLedger, RedisNoticePreferenceStore } from './redisNoticeStores';

export interface RedisNoticeOptions {
  /** The store's connection. */
  client: Redis;
  /** Where BullMQ opens its own connection (its blocking commands need maxRetriesPerRequest null). */
  redisUrl: string;
  keyPrefix?: string;
  clock: Clock;
}

export function redisNoticeStores(o: RedisNoticeOptions): NoticeStores {
  const prefix = o.keyPrefix ?? DEFAULT_NOTICE_KEY_PREFIX;
  return {
    durable: true,
    refs: new RedisConversationRefStore(o.client, prefix),
    prefs: new RedisNoticePreferenceStore(o.client, prefix, o.clock),
    ledger: new RedisNoticeLedger(o.client, prefix, o.clock),
    openQueue(options) {
      const bull = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
      bull.on('error', (err) => options.onError?.(err));
      const bullOptions = { connection: bull, prefix: `${prefix}bull`.replace(/:+$/, ''), queueName: options.queueName };
      const scheduler = new BullmqNoticeScheduler(bullOptions, o.clock);
      const source = new BullmqNoticeSource({
        ...bullOptions,
        concurrency: options.concurrency,
        lockDurationMs: options.lockDurationMs,
        stalledIntervalMs: options.stalledIntervalMs,
        onError: options.onError,
      });
      return {
        scheduler,
        source,
        async close() {
          await scheduler.close();
          bull.disconnect();
        },
      };
    },
  };
}
