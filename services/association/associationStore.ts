import { McidRecord } from './types';

/**
 * Where per-MCID records live. Both adapters (memory, Redis) pass the same
 * contract suite in test/services/contracts/associationStore.contract.ts.
 */
export interface AssociationStore {
  getRecord(mcid: string): Promise<McidRecord | null>;
  /**
   * Writes `next` only if the stored version is still `prev.version` (0 = absent),
   * in one atomic step on the MCID's own key. Then updates the derived indexes.
   * Returns false, having written nothing, when someone else wrote first.
   * `onWritten`, if given, starts as soon as the record is written, beside the index step
   * (one round trip instead of two on Redis); saveRecord resolves when both are done. It must
   * not throw: the record is saved whatever it does.
   */
  saveRecord(prev: McidRecord, next: McidRecord, onWritten?: () => Promise<void>): Promise<boolean>;
  /** Derived: the MCID this person linked, unverified (check it against the record). */
  mcidForPerson(tenantId: string, userId: string): Promise<string | null>;
  /** Derived: MCIDs in an org's index, in batches, without loading the whole org. Unverified. */
  scanOrgMembers(mpnId: string, batchSize?: number): AsyncIterable<string[]>;
  /** Derived: the size of an org's index. */
  countOrgMembers(mpnId: string): Promise<number>;
  /** Reads many records in one round trip (pipelined on Redis). */
  getRecords(mcids: string[]): Promise<(McidRecord | null)[]>;
}
