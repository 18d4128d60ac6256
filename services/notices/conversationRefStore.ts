/**
 * What the notices remember about a person: where to write to them, whether
 * they want notices at all, and when an admin last had them reminded.
 * All keyed by (tenantId, userId = aadObjectId).
 */
import { ConversationRef } from './types';

export interface ConversationRefStore {
  /** Saved on install and on every message, so the latest serviceUrl wins. */
  save(ref: ConversationRef): Promise<void>;
  get(tenantId: string, userId: string): Promise<ConversationRef | null>;
  /** On uninstall, and when Teams answers 403/404 (app removed, user blocked). */
  forget(tenantId: string, userId: string): Promise<void>;
}

export interface NoticePreferenceStore {
  /** Notices are on unless the person said "stop notifications". */
  noticesEnabled(tenantId: string, userId: string): Promise<boolean>;
  setNoticesEnabled(tenantId: string, userId: string, enabled: boolean): Promise<void>;
  /** When an admin's reminder last reached this person, if within the dedupe window still remembered. */
  lastReminded(tenantId: string, userId: string): Promise<Date | null>;
  /**
   * Atomically records a reminder at `at` unless one was recorded less than
   * `withinDays` days before: two admins running reminders at once send one.
   */
  claimReminder(tenantId: string, userId: string, at: Date, withinDays: number): Promise<boolean>;
  /** Gives a claim back when the invitation could not be delivered, so a later run may try again. */
  releaseReminder(tenantId: string, userId: string): Promise<void>;
}
