/** Digest subscriptions in this process: same contract as services/redis/redisDigestSubscriptions.ts. */
import { DigestSubscriptions } from '../renewals/digestSubscriptions';

const person = (tenantId: string, userId: string) => `${tenantId.toLowerCase()}|${userId}`;

export class MemoryDigestSubscriptions implements DigestSubscriptions {
  private readonly byPerson = new Map<string, Set<string>>();

  async subscribe(tenantId: string, userId: string, mpnId: string): Promise<void> {
    const key = person(tenantId, userId);
    this.byPerson.set(key, (this.byPerson.get(key) ?? new Set()).add(mpnId));
  }

  async unsubscribe(tenantId: string, userId: string, mpnId: string): Promise<void> {
    const orgs = this.byPerson.get(person(tenantId, userId));
    orgs?.delete(mpnId);
    if (orgs?.size === 0) this.byPerson.delete(person(tenantId, userId));
  }

  async isSubscribed(tenantId: string, userId: string, mpnId: string): Promise<boolean> {
    return this.byPerson.get(person(tenantId, userId))?.has(mpnId) ?? false;
  }

  async forget(tenantId: string, userId: string): Promise<void> {
    this.byPerson.delete(person(tenantId, userId));
  }
}
