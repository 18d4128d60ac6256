/**
 * Plain data shared by the notice services and the bot's proactive sender.
 * Nothing here knows about Teams SDKs: the bot maps botbuilder's
 * ConversationReference to and from `ConversationRef`.
 */
import { Locale } from '../i18n/locale';

/** Enough to write into a person's personal chat later. */
export interface ConversationRef {
  serviceUrl: string;
  conversationId: string;
  tenantId: string;
  /** Entra object id (aadObjectId) of the person. */
  userId: string;
  /** The bot's id in that conversation (recipient.id of the person's messages). */
  botId: string;
  locale: Locale;
}

export type SendResult = { ok: true } | { ok: false; status: number; retryAfterSeconds?: number };

/** Posts one card into a saved conversation. status 0 = no HTTP answer (network error, timeout). */
export interface NoticeTransport {
  send(ref: ConversationRef, card: object): Promise<SendResult>;
}

/** refused/notifyMe: "you can link again"; renewal: a certification's renewal window; digest: an admin's monthly digest. */
export type NoticeReason = 'refused' | 'notifyMe' | 'renewal' | 'digest';

export type RenewalStage = 'window' | 'lastCall';

/** Which certification a renewal reminder is about, and which of its two reminders. */
export interface RenewalTarget {
  /**
   * The certification's title, which names it the same in PROFILES_FILE and in Partner Center's
   * export (the export has no certification number).
   */
  title: string;
  /** Its expiry day, YYYY-MM-DD: a renewal moves it, and the reminder for the old day no longer applies. */
  expiresOn: string;
  stage: RenewalStage;
}

/** "Tell this person they may link again on dueAt", as the bot asks for it. */
export interface NoticeRequest {
  tenantId: string;
  userId: string;
  mcid: string;
  /** The first allowed day; the notice fires at its start (midnight UTC). */
  dueAt: Date;
  reason: NoticeReason;
  /** Set on renewal reminders (reason 'renewal'). */
  renewal?: RenewalTarget;
  /** Set on monthly digests (reason 'digest'): the organization the admin gets it for. */
  digest?: { mpnId: string };
}

/** A scheduled notice, as the worker receives it. */
export interface DueNotice extends NoticeRequest {
  /** When it was scheduled: a link started after this means the person has linked meanwhile. */
  scheduledAt: Date;
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Idempotency key of a notice: one notice per person per allowed day. */
export function noticeKey(n: { tenantId: string; userId: string; dueAt: Date }): string {
  return `notice:${n.tenantId}:${n.userId}:${utcDay(n.dueAt)}`;
}
