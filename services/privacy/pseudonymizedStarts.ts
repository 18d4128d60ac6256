/**
 * What survives an erasure for the abuse limits (R3): the association start
 * dates of an MCID, under its keyed hash, until the limit window no longer
 * needs them. Nothing else: no org, no user, no name.
 */
import { Clock } from '../clock';
import { Pseudonymizer } from './pseudonymizer';
import { keptStarts, RetentionPolicy } from './retention';

/** Storage of start dates by hashed MCID. Both adapters expire entries at `expiresAt`. */
export interface PseudonymizedStartStore {
  /** Adds the dates to those kept under the hash (a union) and sets the expiry to `expiresAt`. */
  keep(hashedMcid: string, startsIso: string[], expiresAt: Date): Promise<void>;
  /** Dates kept under the hash, oldest first; empty once expired. */
  get(hashedMcid: string): Promise<string[]>;
}

/** What AssociationService asks when an MCID has no record: starts kept from an earlier erasure. */
export interface ErasedStartsLookup {
  startsFor(mcid: string): Promise<string[]>;
}

export class PseudonymizedStarts implements ErasedStartsLookup {
  constructor(private readonly deps: { store: PseudonymizedStartStore; pseudonymizer: Pseudonymizer; policy: RetentionPolicy; clock: Clock }) {}

  /** Keeps the starts the limits may still need; returns how many were kept. */
  async remember(mcid: string, startsIso: string[]): Promise<number> {
    const kept = keptStarts(startsIso, this.deps.clock.now(), this.deps.policy);
    if (!kept) return 0;
    await this.deps.store.keep(this.deps.pseudonymizer.mcid(mcid), kept.starts, kept.expiresAt);
    return kept.starts.length;
  }

  async startsFor(mcid: string): Promise<string[]> {
    return this.deps.store.get(this.deps.pseudonymizer.mcid(mcid));
  }
}
