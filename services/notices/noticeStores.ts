/**
 * The notices' side of a backend: where people's references and settings live, the delivery
 * ledger, and the queue of due notices. services/storeFactory.ts picks one set per backend.
 */
import { ConversationRefStore, NoticePreferenceStore } from './conversationRefStore';
import { DigestSubscriptions } from '../renewals/digestSubscriptions';
import { NoticeLedger } from './noticeLedger';
import { NoticeScheduler } from './noticeScheduler';
import { DueNoticeSource } from './noticeWorker';

export interface NoticeQueue {
  scheduler: NoticeScheduler;
  /** Where the workers take due notices from. */
  source: DueNoticeSource;
  close(): Promise<void>;
}

export interface NoticeQueueOptions {
  /** Notices one worker process handles at once. */
  concurrency: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  queueName?: string;
  onError?(err: unknown): void;
  /** Jobs an earlier release left under the queue's old keys were moved into the queue (Redis). */
  onCarriedOver?(count: number): void;
}

export interface NoticeStores {
  refs: ConversationRefStore;
  prefs: NoticePreferenceStore;
  ledger: NoticeLedger;
  /** Admins who asked for their organization's monthly digest. */
  digests: DigestSubscriptions;
  /** Opens the queue once per process (the bot's, or `npm run worker`'s). */
  openQueue(options: NoticeQueueOptions): Promise<NoticeQueue>;
}
