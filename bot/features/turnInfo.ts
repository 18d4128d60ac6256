import { isSpokenLocale, Locale, pickLocale } from '../../services/i18n/locale';
import type { ChannelActivity } from '../runtime/turn';

/** Who is speaking, from where, in which language: read once per turn from the activity. */
export interface TurnInfo {
  /**
   * The person's Entra object id (from.aadObjectId) and tenant (conversation.tenantId): the only
   * identity CertLink trusts (teamsIdentity.ts). The bot refuses a turn without them before any
   * handler runs; empty or null here only in the log line of such a refused turn.
   */
  userId: string;
  tenantId: string | null;
  locale: Locale;
  /**
   * True when the activity named a language CertLink speaks (en-*, fr-*). Otherwise (none, or
   * de-DE…) the language of the phrase decides: « aide » from a German Teams gets French.
   */
  localeFromActivity: boolean;
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  activityId: string | null;
}

/** The channel's JSON is not trusted to match its declared types: a number where a string belongs is ignored. */
function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function turnInfo(a: ChannelActivity): TurnInfo {
  const tenantId = text(a.conversation?.tenantId);
  const type = a.conversation?.conversationType;
  const locale = text(a.locale);
  return {
    userId: text(a.from?.aadObjectId) ?? '',
    tenantId,
    locale: pickLocale(locale ?? undefined),
    localeFromActivity: isSpokenLocale(locale),
    conversationId: a.conversation?.id as string,
    conversationType: type === 'channel' || type === 'groupChat' ? type : 'personal',
    activityId: a.id ?? null,
  };
}
