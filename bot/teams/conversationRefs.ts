/**
 * The reference the bot needs to write to a person's personal chat later
 * (proactive notices). Saved from personal-chat activities only: a channel's
 * reference would post a person's notice where the team can read it.
 */
import { TurnContext } from 'botbuilder';
import { Locale } from '../../services/i18n/locale';
import { ConversationRef } from '../../services/notices/types';
import { turnInfo } from '../turn/turnInfo';

/** `locale`: the language the person is answered in, when the turn knows better than the client's (see TurnInfo.localeFromActivity). */
export function personalConversationRef(context: TurnContext, locale?: Locale): ConversationRef | null {
  const info = turnInfo(context);
  const a = context.activity;
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
  constructor(private readonly ttlMs = 15 * 60_000, private readonly max = 50_000) {}

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
