/**
 * The notices of the bot process or `npm run worker`, on the backend's notice stores
 * (services/storeFactory.ts): the delivery engine on the runtime's proactive transport, the
 * queue, and, when asked, the workers.
 */
import { noticeCard } from '../../cards/noticeCard';
import { reminderInvitationCard } from '../../cards/reminderInvitationCard';
import { Clock, systemClock } from '../../services/clock';
import { ConversationRefStore, NoticePreferenceStore } from '../../services/notices/conversationRefStore';
import { DeliveryOptions, NoticeDelivery } from '../../services/notices/delivery';
import { DeliveryStats } from '../../services/notices/deliveryStats';
import { NoticeScheduler } from '../../services/notices/noticeScheduler';
import { NoticeStores } from '../../services/notices/noticeStores';
import { CurrentAvailability, NoticeOutcome, startNoticeWorker } from '../../services/notices/noticeWorker';
import { remindUnlinkedMembers, ReminderRun, ReminderSummary } from '../../services/notices/reminders';
import { DueNotice, NoticeTransport } from '../../services/notices/types';
import { DigestSubscriptions } from '../../services/renewals/digestSubscriptions';
import { AppConfig } from '../config';
import type { RenewalHandlerFactory } from './renewalNotices';

export interface StartNoticesDeps {
  config: Pick<AppConfig, 'notices' | 'limits'>;
  /** The backend's notice stores. */
  stores: NoticeStores;
  /** Where cards go: the runtime's proactive transport. */
  transport: NoticeTransport;
  /** AssociationService.status through toCurrentAvailability (services/notices/currentAvailability.ts). */
  currentAvailability(mcid: string): Promise<CurrentAvailability>;
  /** Overrides config.notices.runWorkers (`npm run worker` passes true). */
  runWorkers?: boolean;
  clock?: Clock;
  delivery?: DeliveryOptions;
  bullmq?: { lockDurationMs?: number; stalledIntervalMs?: number; queueName?: string };
  onOutcome?(notice: DueNotice, outcome: NoticeOutcome): void;
  onError?(err: unknown): void;
  /** Notices an earlier release queued under the old keys were moved into the queue. */
  onCarriedOver?(count: number): void;
  /** How renewal reminders and monthly digests are handled when they come due (bot/proactive/renewalNotices.ts). */
  renewals?: RenewalHandlerFactory;
}

export interface Notices {
  scheduler: NoticeScheduler;
  refs: ConversationRefStore;
  prefs: NoticePreferenceStore;
  delivery: NoticeDelivery;
  /** Admins who asked for the monthly digest. */
  digests: DigestSubscriptions;
  stats(): DeliveryStats;
  remindUnlinkedMembers(run: Omit<ReminderRun, 'delivery' | 'prefs' | 'clock' | 'refs' | 'invitationCard'>): Promise<ReminderSummary>;
  stop(): Promise<void>;
}

export async function startNotices(deps: StartNoticesDeps): Promise<Notices> {
  const { config, stores, transport } = deps;
  const clock = deps.clock ?? systemClock;
  const runWorkers = deps.runWorkers ?? config.notices.runWorkers;
  const deliveryOptions: DeliveryOptions = {
    tenantRatePerSecond: config.notices.tenantRatePerSecond,
    claimTtlMs: config.notices.claimTtlSeconds * 1000,
    ...deps.delivery,
  };
  const { refs, prefs } = stores;
  const delivery = new NoticeDelivery({ transport, refs, ledger: stores.ledger, clock, ...deliveryOptions });
  const queue = await stores.openQueue({ concurrency: config.notices.workerConcurrency, ...deps.bullmq, onError: deps.onError, onCarriedOver: deps.onCarriedOver });
  const { scheduler, source } = queue;

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
      renewals: deps.renewals?.({ delivery, prefs, scheduler, digests: stores.digests, inFlightRetryMs: deliveryOptions.claimTtlMs ?? 10 * 60_000 }),
    });
  }

  return {
    scheduler,
    refs,
    prefs,
    delivery,
    digests: stores.digests,
    stats: () => delivery.stats(),
    remindUnlinkedMembers: (run) =>
      remindUnlinkedMembers({
        ...run,
        delivery,
        prefs,
        refs,
        clock,
        invitationCard: (ref) => reminderInvitationCard({ locale: ref.locale }),
      }),
    async stop() {
      await worker?.stop();
      await queue.close();
    },
  };
}
