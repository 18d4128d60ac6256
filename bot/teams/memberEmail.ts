import type { TeamsMember, Turn } from '../runtime/turn';

/**
 * Who Teams says the person is, from the member API: their email and sign-in name (the key of the
 * "Use email@address" shortcut, once proven: services/directory/emailProof.ts), and whether the
 * account is a guest of the tenant.
 */
export interface TeamsPerson {
  /** The email Teams reports for the account, if any. */
  email: string | null;
  /** The account's sign-in name (userPrincipalName), if any. */
  upn: string | null;
  /**
   * A guest (B2B) or anonymous account of the tenant (userRole guest/anonymous, or a UPN of the
   * #EXT# form): it acts for no organization here.
   */
  guest: boolean;
}

/** One member lookup per person: null when Teams did not answer (no such member, refused, too slow). */
export interface MemberLookup {
  personOf(turn: Turn): Promise<TeamsPerson | null>;
}

/** Just the email, as tests and simple stand-ins give it: the account's UPN, and a member of the tenant. */
export interface MemberEmailLookup {
  emailOf(turn: Turn): Promise<string | null>;
}

export function fromEmailLookup(lookup: MemberEmailLookup): MemberLookup {
  return {
    async personOf(turn) {
      const email = await lookup.emailOf(turn);
      return { email, upn: email, guest: false };
    },
  };
}

function address(value: unknown): string | null {
  return typeof value === 'string' && value.includes('@') ? value : null;
}

export function teamsPerson(member: TeamsMember): TeamsPerson {
  const upn = address(member.userPrincipalName);
  const role = typeof member.userRole === 'string' ? member.userRole.toLowerCase() : '';
  return { email: address(member.email), upn, guest: role === 'guest' || role === 'anonymous' || /#EXT#/i.test(upn ?? '') };
}

/**
 * Asks the Teams member API at the activity's serviceUrl
 * (GET /v3/conversations/{id}/members/{userId}, see bot/runtime/connector/memberApi.ts). A failed lookup is
 * null, never a crash: the person is then offered sign-in or told what to do.
 */
export const teamsMembers: MemberLookup = {
  async personOf(turn) {
    const member = await turn.members.get(turn.activity.from?.id ?? '');
    return member ? teamsPerson(member) : null;
  },
};

/** The email Teams gives, else the UPN: what the member API says the person's address is. */
export const teamsMemberEmail: MemberEmailLookup = {
  async emailOf(turn) {
    const person = await teamsMembers.personOf(turn);
    return person?.email ?? person?.upn ?? null;
  },
};

/**
 * Remembers each person for a few minutes, in this process only: a person checking status and
 * then linking (or clicking Confirm) costs one member lookup, not two. Only answers with an
 * address are remembered, so a fixed Teams account works at once.
 */
export interface CachedMembers extends MemberLookup {
  /** Forgets one person (their data was erased). */
  forget(tenantId: string, teamsUserId: string): void;
}

export function cachedMembers(inner: MemberLookup, ttlMs = 5 * 60_000, max = 10_000): CachedMembers {
  const cache = new Map<string, { person: TeamsPerson; until: number }>();
  const keyOf = (tenantId: string, teamsUserId: string) => `${tenantId}|${teamsUserId}`;
  return {
    forget(tenantId, teamsUserId) {
      cache.delete(keyOf(tenantId, teamsUserId));
    },
    async personOf(turn) {
      const a = turn.activity;
      const key = keyOf(a.conversation?.tenantId ?? '', a.from?.id ?? '');
      const hit = cache.get(key);
      const now = Date.now();
      if (hit && hit.until > now) return hit.person;
      const person = await inner.personOf(turn);
      if (person && (person.email || person.upn)) {
        if (cache.size >= max) cache.clear();
        cache.set(key, { person, until: now + ttlMs });
      }
      return person;
    },
  };
}
