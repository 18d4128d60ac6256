import type { Turn } from '../runtime/turn';

/** The person's work email as Teams knows it: the key of the "Use email@address" shortcut. */
export interface MemberEmailLookup {
  emailOf(turn: Turn): Promise<string | null>;
}

/**
 * Asks the Teams member API at the activity's serviceUrl
 * (GET /v3/conversations/{id}/members/{userId}, see bot/runtime/connector/memberApi.ts). A failed lookup is
 * "no email", never a crash: the person is then offered sign-in or told what to do.
 */
export const teamsMemberEmail: MemberEmailLookup = {
  async emailOf(turn) {
    const member = await turn.members.get(turn.activity.from?.id ?? '');
    const email = member?.email || member?.userPrincipalName;
    return typeof email === 'string' && email.includes('@') ? email : null;
  },
};

/**
 * Remembers each person's email for a few minutes, in this process only: a
 * person checking status and then linking costs one member lookup, not two.
 * Misses (no email) are not remembered, so a fixed Teams account works at once.
 */
export interface CachedMemberEmail extends MemberEmailLookup {
  /** Forgets one person (their data was erased). */
  forget(tenantId: string, teamsUserId: string): void;
}

export function cachedMemberEmail(inner: MemberEmailLookup, ttlMs = 5 * 60_000, max = 10_000): CachedMemberEmail {
  const cache = new Map<string, { email: string; until: number }>();
  const keyOf = (tenantId: string, teamsUserId: string) => `${tenantId}|${teamsUserId}`;
  return {
    forget(tenantId, teamsUserId) {
      cache.delete(keyOf(tenantId, teamsUserId));
    },
    async emailOf(turn) {
      const a = turn.activity;
      const key = keyOf(a.conversation?.tenantId ?? '', a.from?.id ?? '');
      const hit = cache.get(key);
      const now = Date.now();
      if (hit && hit.until > now) return hit.email;
      const email = await inner.emailOf(turn);
      if (email) {
        if (cache.size >= max) cache.clear();
        cache.set(key, { email, until: now + ttlMs });
      }
      return email;
    },
  };
}
