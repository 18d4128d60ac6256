/**
 * The exactly-once guard of notice delivery. A notice key moves
 *   (absent) --claim--> sending(until T) --markSent--> sent
 *                          |--release / T passes--> (absent)
 * so two workers never both send, and a worker that died after claiming gives
 * the notice back when its claim expires.
 *
 * The one window left: a worker that dies after Teams accepted the message but
 * before `markSent` landed. The next worker cannot tell that apart from a crash
 * before the send and sends again. Delivery keeps that window to one store
 * round trip (markSent is the very next step after the 2xx, nothing in between).
 */
export type LedgerClaim = 'claimed' | 'alreadySent' | 'inFlight';

export interface NoticeLedger {
  claim(key: string, claimTtlMs: number): Promise<LedgerClaim>;
  /** Remembers the send for `keepMs` (long enough to outlive any redelivery of the same notice). */
  markSent(key: string, keepMs: number): Promise<void>;
  /** Drops a claim that did not lead to a send, unless the key is already marked sent. */
  release(key: string): Promise<void>;
}
