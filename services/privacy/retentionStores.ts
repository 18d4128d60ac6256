/**
 * What the privacy features need from the stores beyond their everyday
 * contracts: erase, expire later, and rewrite. Both adapters (memory, Redis)
 * implement each; services/privacy/privacyStores.ts finds them on the stores.
 */
import { McidRecord } from '../association/types';
import { AuditEntry } from '../audit/auditLog';

export interface RecordRetention {
  /**
   * Deletes the per-MCID record only while its version is still `prev.version`
   * (false, nothing deleted, when someone wrote first). Derived indexes follow.
   */
  deleteRecord(prev: McidRecord): Promise<boolean>;
  /** The record disappears at `at` unless it is written again before (every save clears the expiry). */
  expireRecordAt(mcid: string, at: Date): Promise<void>;
}

export interface ProfileRetention {
  /** Deletes the profile and the email index entries that still name it. True when there was one. */
  erase(mcid: string): Promise<boolean>;
  /** The profile (and its email index entries) disappear at `at` unless persist() is called first. */
  expireProfileAt(mcid: string, at: Date): Promise<void>;
  /** Cancels a scheduled expiry: the person linked again. */
  persistProfile(mcid: string): Promise<void>;
}

export interface AuditRetention {
  /**
   * Replaces, in place (same position, same stream id), every entry of the org
   * for which `rewrite` returns a new entry. Returns how many were replaced.
   */
  rewrite(mpnId: string, rewrite: (entry: AuditEntry) => AuditEntry | null): Promise<number>;
  /** Drops every entry recorded before `before`. Returns how many were dropped. */
  trimBefore(mpnId: string, before: Date): Promise<number>;
}

export function isRecordRetention(x: unknown): x is RecordRetention {
  return typeof (x as RecordRetention)?.deleteRecord === 'function' && typeof (x as RecordRetention).expireRecordAt === 'function';
}

export function isProfileRetention(x: unknown): x is ProfileRetention {
  return typeof (x as ProfileRetention)?.erase === 'function' && typeof (x as ProfileRetention).expireProfileAt === 'function';
}

export function isAuditRetention(x: unknown): x is AuditRetention {
  return typeof (x as AuditRetention)?.rewrite === 'function' && typeof (x as AuditRetention).trimBefore === 'function';
}
