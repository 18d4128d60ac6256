/**
 * Partner admins per org (R7). Global admins come from ORGS_FILE and are never
 * stored here: a global admin granted in the file cannot be revoked from chat.
 */
export interface PartnerAdminStore {
  /** True when the user was not a partner admin of the org before. */
  add(mpnId: string, userId: string): Promise<boolean>;
  /** True when the user was a partner admin of the org before. */
  remove(mpnId: string, userId: string): Promise<boolean>;
  has(mpnId: string, userId: string): Promise<boolean>;
  /** Sorted, so cards and tests see a stable order. */
  list(mpnId: string): Promise<string[]>;
}
