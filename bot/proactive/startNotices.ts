/**
 * Composes the notices for the bot process or `npm run worker`: stores on Redis
 * when REDIS_URL is set (BullMQ delayed jobs, Redis ledger), otherwise embedded
 * (in-process timers, memory ledger), the delivery engine on the botbuilder
 * transport, and — when asked — the workers.
 *
 * The composition root calls it once:
 *   const notices = await startNotices({ config, currentAvailability, redis });
 *   notices.scheduler.schedule({...}); notices.refs.save(ref); notices.prefs.setNoticesEnabled(...);
 *   await notices.remindUnlinkedMembers({...}); notices.stats();
 *   await notices.stop(); // on shutdown
 */
import Redis from 'ioredis';
import { noticeCard } from '../../cards/noticeCard';
import { reminderInvitationCard } from '../../cards/reminderInvitationCard';
import { Clock, systemClock } from '../../services/clock';
import { InProcessNoticeScheduler } from '../../services/memory/inProcessNoticeScheduler';
import {
  MemoryConversationRefStore,
  MemoryNoticeLedger,
  MemoryNoticePreferenceStore,
} from '../../services/memory/memoryNoticeStores';
import { BullmqNoticeScheduler, BullmqNoticeSource } from '../../services/redis/bullmqNoticeScheduler';
import {
  DEFAULT_NOTICE_KEY_PREFIX,
  RedisConversationRefStore,
  RedisNoticeLedger,
  RedisNoticePreferenceStore,
} from '../../services/redis/redisNoticeStores';
import { ConversationRefStore, NoticePreferenceStore } from '../../services/notices/conversationRefStore';
import { DeliveryOptions, NoticeDelivery } from '../../services/notices/delivery';
import { DeliveryStats } from '../../services/notices/deliveryStats';
import { NoticeScheduler } from '../../services/notices/noticeScheduler';
import { CurrentAvailability, DueNoticeSource, NoticeOutcome, startNoticeWorker } from '../../services/notices/noticeWorker';
import { remindUnlinkedMembers, ReminderRun, ReminderSummary } from '../../services/notices/reminders';
import { DueNotice, NoticeTransport } from '../../services/notices/types';
import { AppConfig } from '../config';
import { createConnectorTransport } from './connectorTransport';

export interface StartNoticesDeps {
  config: Pick<AppConfig, 'redisUrl' | 'microsoftAppId' | 'microsoftAppPassword' | 'microsoftAppType' | 'microsoftAppTenantId' | 'notices' | 'limits'>;
  /** AssociationService.status through toCurrentAvailability (services/notices/currentAvailability.ts). */
  currentAvailability(mcid: string): Promise<CurrentAvailability>;
  /** The store's Redis client and key prefix; required when config.redisUrl is set. */
  redis?: { client: Redis; keyPrefix?: string };
  /** Override for tests and the bench; default: the botbuilder connector transport. */
  transport?: NoticeTransport;
  /** Overrides config.notices.runWorkers (`npm run worker` passes true). */
  runWorkers?: boolean;
  clock?: Clock;
  delivery?: DeliveryOptions;
  bullmq?: { lockDurationMs?: number; stalledIntervalMs?: number; queueName?: string };
  onOutcome?(notice: DueNotice, outcome: NoticeOutcome): void;
  onError?(err: unknown): void;
}

export interface Notices {
  scheduler: NoticeScheduler;
  refs: ConversationRefStore;
  prefs: NoticePreferenceStore;
  delivery: NoticeDelivery;
  stats(): DeliveryStats;
  remindUnlinkedMembers(run: Omit<ReminderRun, 'delivery' | 'prefs' | 'clock' | 'refs' | 'invitationCard'>): Promise<ReminderSummary>;
  stop(): Promise<void>;
}

export async function startNotices(deps: StartNoticesDeps): Promise<Notices> {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const transport = deps.transport ?? createConnectorTransport(config);
  const runWorkers = deps.runWorkers ?? config.notices.runWorkers;
  const deliveryOptions: DeliveryOptions = {
    tenantRatePerSecond: config.notices.tenantRatePerSecond,
    claimTtlMs: config.notices.claimTtlSeconds * 1000,
    ...deps.delivery,
  };
  const closers: Array<() => Promise<void>> = [];
  let refs: ConversationRefStore;
  let prefs: NoticePreferenceStore;
  let scheduler: NoticeScheduler;
  let source: DueNoticeSource;
  let delivery: NoticeDelivery;

  if (config.redisUrl) {
    if (!deps.redis) throw new Error('startNotices: REDIS_URL is set but no Redis client was given');
    const prefix = deps.redis.keyPrefix ?? DEFAULT_NOTICE_KEY_PREFIX;
    refs = new RedisConversationRefStore(deps.redis.client, prefix);
    prefs = new RedisNoticePreferenceStore(deps.redis.client, prefix, clock);
    delivery = new NoticeDelivery({ transport, refs, ledger: new RedisNoticeLedger(deps.redis.client, prefix, clock), clock, ...deliveryOptions });
    // BullMQ's own connection: its blocking commands need maxRetriesPerRequest null.
    const bull = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    bull.on('error', (err) => deps.onError?.(err));
    const bullOptions = { connection: bull, prefix: `${prefix}bull`.replace(/:+$/, ''), queueName: deps.bullmq?.queueName };
    const bullScheduler = new BullmqNoticeScheduler(bullOptions, clock);
    scheduler = bullScheduler;
    source = new BullmqNoticeSource({
      ...bullOptions,
      concurrency: config.notices.workerConcurrency,
      lockDurationMs: deps.bullmq?.lockDurationMs,
      stalledIntervalMs: deps.bullmq?.stalledIntervalMs,
      onError: deps.onError,
    });
    closers.push(() => bullScheduler.close(), async () => void bull.disconnect());
  } else {
    refs = new MemoryConversationRefStore();
    prefs = new MemoryNoticePreferenceStore(clock);
    delivery = new NoticeDelivery({ transport, refs, ledger: new MemoryNoticeLedger(clock), clock, ...deliveryOptions });
    const inProcess = new InProcessNoticeScheduler({ clock, onError: (err) => deps.onError?.(err) });
    scheduler = inProcess;
    source = inProcess;
  }

  let worker: { stop(): Promise<void> } | null = null;
  if (runWorkers) {
    worker = startNoticeWorker(source, {
      delivery,
      prefs,
      scheduler,
      currentAvailability: deps.currentAvailability,
      card: (_notice, now, ref) => noticeCard({ locale: ref.locale, associationsLeft: now.associationsLeft, limits: config.limits, link: now.link }),
      inFlightRetryMs: deliveryOptions.claimTtlMs,
      onOutcome: deps.onOutcome,
    });
  }

  return {
    scheduler,
    refs,
    prefs,
    delivery,
    stats: () => delivery.stats(),
    remindUnlinkedMembers: (run) => remindUnlinkedMembers({
        ...run,
        delivery,
        prefs,
        refs,
        clock,
        invitationCard: (ref) => reminderInvitationCard({ locale: ref.locale }),
      }),
    async stop() {
      await worker?.stop();
      for (const close of closers) await close();
    },
  };
}
