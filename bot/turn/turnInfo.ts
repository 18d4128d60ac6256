import { TurnContext } from 'botbuilder';
import { Locale, pickLocale } from '../../services/i18n/locale';

/** Who is speaking, from where, in which language: read once per turn from the activity. */
export interface TurnInfo {
  /** Entra object id when Teams gives one (it always does in Teams), else the channel user id. */
  userId: string;
  tenantId: string | null;
  locale: Locale;
  /** True when the activity said which language; otherwise the language of the phrase decides. */
  localeFromActivity: boolean;
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  activityId: string | null;
}

export function turnInfo(context: TurnContext): TurnInfo {
  const a = context.activity;
  const channelTenant = (a.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId = a.conversation?.tenantId ?? (typeof channelTenant === 'string' ? channelTenant : null);
  const type = a.conversation?.conversationType;
  return {
    userId: a.from?.aadObjectId || a.from?.id,
    tenantId: tenantId || null,
    locale: pickLocale(a.locale),
    localeFromActivity: typeof a.locale === 'string' && a.locale.length > 0,
    conversationId: a.conversation?.id,
    conversationType: type === 'channel' || type === 'groupChat' ? type : 'personal',
    activityId: a.id ?? null,
  };
}
