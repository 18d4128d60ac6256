/**
 * Key layout of the admin-side per-org data. Every key carries the org's hash
 * tag `{org:<mpnId>}` (as the association store's org index does), so one
 * org's keys share a slot and a Lua script over them runs on Redis Cluster.
 */
import { checkKeyPrefix } from './redisConnection';

export function orgKey(prefix: string, mpnId: string, suffix: string): string {
  return `${checkKeyPrefix(prefix)}{org:${mpnId}}:${suffix}`;
}
