/**
 * Which admins asked for the monthly digest of their organization: opt-in, per admin, kept until
 * they unsubscribe, lose the admin role (the digest worker then drops it) or erase their data.
 */
export interface DigestSubscriptions {
  subscribe(tenantId: string, userId: string, mpnId: string): Promise<void>;
  unsubscribe(tenantId: string, userId: string, mpnId: string): Promise<void>;
  isSubscribed(tenantId: string, userId: string, mpnId: string): Promise<boolean>;
  /** Every subscription of the person (an erasure). */
  forget(tenantId: string, userId: string): Promise<void>;
}
