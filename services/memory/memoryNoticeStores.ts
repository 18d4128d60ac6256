/** Embedded notice stores: same contracts as services/redis/redisNoticeStores.ts, nothing survives a restart. */
import { Clock, DAY_MS, systemClock } from '../clock';
import { ConversationRefStore, NoticePreferenceStore } from '../notices/conversationRefStore';
import { LedgerClaim, NoticeLedger } from '../notices/noticeLedger';
import { NoticeStores } from '../notices/noticeStores';
import { ConversationRef } from '../notices/types';
import { InProcessNoticeScheduler } from './inProcessNoticeScheduler';
import { MemoryDigestSubscriptions } from './memoryDigestSubscriptions';

const personKey = (tenantId: string, userId: string) => `${tenantId}|${userId}`;

export class MemoryConversationRefStore implements ConversationRefStore {
  private readonly refs = new Map<string, ConversationRef>();

  async save(ref: ConversationRef): Promise<void> {
    this.refs.set(personKey(ref.tenantId, ref.userId), { ...ref });
  }

  async get(tenantId: string, userId: string): Promise<ConversationRef | null> {
    const ref = this.refs.get(personKey(tenantId, userId));
    return ref ? { ...ref } : null;
  }

  async forget(tenantId: string, userId: string): Promise<void> {
    this.refs.delete(personKey(tenantId, userId));
  }
}

export class MemoryNoticePreferenceStore implements NoticePreferenceStore {
  private readonly optedOut = new Set<string>();
  private readonly reminded = new Map<string, { at: number; windowMs: number }>();

  constructor(private readonly clock: Clock = systemClock) {}

  async noticesEnabled(tenantId: string, userId: string): Promise<boolean> {
    return !this.optedOut.has(personKey(tenantId, userId));
  }

  async setNoticesEnabled(tenantId: string, userId: string, enabled: boolean): Promise<void> {
    if (enabled) this.optedOut.delete(personKey(tenantId, userId));
    else this.optedOut.add(personKey(tenantId, userId));
  }

  async lastReminded(tenantId: string, userId: string): Promise<Date | null> {
    const entry = this.reminded.get(personKey(tenantId, userId));
    if (!entry || entry.at + entry.windowMs <= this.clock.now().getTime()) return null;
    return new Date(entry.at);
  }

  async claimReminder(tenantId: string, userId: string, at: Date, withinDays: number): Promise<boolean> {
    const key = personKey(tenantId, userId);
    const last = this.reminded.get(key);
    if (last && last.at + withinDays * DAY_MS > at.getTime()) return false;
    this.reminded.set(key, { at: at.getTime(), windowMs: withinDays * DAY_MS });
    return true;
  }

  async releaseReminder(tenantId: string, userId: string): Promise<void> {
    this.reminded.delete(personKey(tenantId, userId));
  }
}

type LedgerEntry = { state: 'sending' | 'sent'; until: number };

export class MemoryNoticeLedger implements NoticeLedger {
  private readonly entries = new Map<string, LedgerEntry>();

  constructor(private readonly clock: Clock = systemClock) {}

  async claim(key: string, claimTtlMs: number): Promise<LedgerClaim> {
    const now = this.clock.now().getTime();
    const entry = this.entries.get(key);
    if (entry && entry.until > now) return entry.state === 'sent' ? 'alreadySent' : 'inFlight';
    this.entries.set(key, { state: 'sending', until: now + claimTtlMs });
    if (this.entries.size > 200_000) this.sweep(now);
    return 'claimed';
  }

  async markSent(key: string, keepMs: number): Promise<void> {
    this.entries.set(key, { state: 'sent', until: this.clock.now().getTime() + keepMs });
  }

  async release(key: string): Promise<void> {
    if (this.entries.get(key)?.state === 'sending') this.entries.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (entry.until <= now) this.entries.delete(key);
  }
}

/** Everything in this process: pending notices are timers, lost on restart like the rest of the embedded store. */
export function memoryNoticeStores(clock: Clock = systemClock): NoticeStores {
  return {
    refs: new MemoryConversationRefStore(),
    prefs: new MemoryNoticePreferenceStore(clock),
    ledger: new MemoryNoticeLedger(clock),
    digests: new MemoryDigestSubscriptions(),
    async openQueue(options) {
      const scheduler = new InProcessNoticeScheduler({ clock, onError: (err) => options.onError?.(err) });
      return { scheduler, source: scheduler, close: async () => undefined };
    },
  };
}
