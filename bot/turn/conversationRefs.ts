/**
 * The reference the bot needs to write to a person's personal chat later
 * (proactive notices). Saved from personal-chat activities only: a channel's
 * reference would post a person's notice where the team can read it.
 */
import { Locale } from '../../services/i18n/locale';
import { ConversationRefStore } from '../../services/notices/conversationRefStore';
import { ConversationRef } from '../../services/notices/types';
import type { ChannelActivity } from '../runtime/turn';
import { turnInfo } from '../features/turnInfo';

/** `locale`: the language the person is answered in, when the turn knows better than the client's (see TurnInfo.localeFromActivity). */
export function personalConversationRef(a: ChannelActivity, locale?: Locale): ConversationRef | null {
  const info = turnInfo(a);
  if (info.conversationType !== 'personal' || !info.tenantId || !a.serviceUrl || !a.conversation?.id || !a.from?.aadObjectId) return null;
  return {
    serviceUrl: a.serviceUrl,
    conversationId: a.conversation.id,
    tenantId: info.tenantId,
    userId: a.from.aadObjectId,
    botId: a.recipient?.id ?? '',
    locale: locale ?? info.locale,
  };
}

/** Remembers what was saved lately, so a chatty person costs one write per quarter hour, not one per message. */
export class RecentlySaved {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly max = 50_000,
  ) {}

  fresh(ref: ConversationRef, now = Date.now()): boolean {
    const key = `${ref.tenantId}|${ref.userId}|${ref.conversationId}|${ref.serviceUrl}|${ref.locale}`;
    if (this.dropped.delete(`${ref.tenantId}|${ref.userId}`)) this.seen.delete(key);
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    if (this.seen.size >= this.max) this.seen.clear();
    this.seen.set(key, now + this.ttlMs);
    return true;
  }

  /** The person's reference was deleted (uninstall, erasure): save it again at their next message. */
  forgetPerson(tenantId: string, userId: string): void {
    this.dropped.add(`${tenantId}|${userId}`);
  }

  private readonly dropped = new Set<string>();
}

/** The personal-chat references the bot keeps, and which it saved lately. */
export class ConversationMemory {
  constructor(
    /** Where references are kept for proactive notices; none = not kept. */
    private readonly refs: Pick<ConversationRefStore, 'save' | 'forget'> | undefined,
    /** Shared with erasure, which must reset it. */
    readonly recent: RecentlySaved = new RecentlySaved(),
  ) {}

  /** Keeps the person's personal-chat reference, so notices can reach them later. */
  async remember(activity: ChannelActivity, locale?: Locale): Promise<void> {
    const ref = personalConversationRef(activity, locale);
    if (!ref || !this.refs || !this.recent.fresh(ref)) return;
    await this.refs.save(ref);
  }

  /** The bot can no longer write there (uninstalled): the reference is forgotten. */
  async forget(activity: ChannelActivity): Promise<void> {
    const ref = personalConversationRef(activity);
    if (!ref) return;
    this.recent.forgetPerson(ref.tenantId, ref.userId);
    await this.refs?.forget(ref.tenantId, ref.userId);
  }
}
