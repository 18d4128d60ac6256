import { TurnContext } from 'botbuilder';
import { isSpokenLocale, Locale, pickLocale } from '../../services/i18n/locale';

/** Who is speaking, from where, in which language: read once per turn from the activity. */
export interface TurnInfo {
  /** Entra object id when Teams gives one (it always does in Teams), else the channel user id. */
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

/** The channel's JSON is not trusted to match botbuilder's types: a number where a string belongs is ignored. */
function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function turnInfo(context: TurnContext): TurnInfo {
  const a = context.activity;
  const channelTenant = (a.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId = text(a.conversation?.tenantId) ?? text(channelTenant);
  const type = a.conversation?.conversationType;
  const locale = text(a.locale);
  return {
    userId: text(a.from?.aadObjectId) ?? a.from?.id,
    tenantId,
    locale: pickLocale(locale ?? undefined),
    localeFromActivity: isSpokenLocale(locale),
    conversationId: a.conversation?.id,
    conversationType: type === 'channel' || type === 'groupChat' ? type : 'personal',
    activityId: a.id ?? null,
  };
}
