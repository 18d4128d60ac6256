/**
 * Display names for the user ids the list of admins shows.
 * CertLink stores Entra object ids, never names: the names are read from the Teams member
 * API of the conversation the admin asks in, at display time, and kept nowhere.
 *
 * A member lookup only knows the members of that conversation (a team's members in a
 * channel, the chat's members in a group chat), so someone who left keeps showing its id.
 */
import type { Turn } from '../runtime/turn';

export interface MemberNameLookup {
  /** The names found, by user id; ids with no name are left out. Never throws. */
  namesOf(turn: Turn, userIds: readonly string[]): Promise<Map<string, string>>;
}

export interface MemberNameLimits {
  /** Lookups per card: more admins than this keep their ids. */
  maxLookups: number;
  /** Lookups in flight at once, to stay well within Teams' per-bot rate limits. */
  concurrency: number;
  /** One lookup gives up after this long. */
  lookupTimeoutMs: number;
  /** All lookups together: a name is a nicety, and the card must go out well within Teams' 15 s. */
  budgetMs: number;
}

export const DEFAULT_MEMBER_NAME_LIMITS: MemberNameLimits = { maxLookups: 40, concurrency: 5, lookupTimeoutMs: 2000, budgetMs: 3000 };

export function teamsMemberNamesWith(limits: MemberNameLimits = DEFAULT_MEMBER_NAME_LIMITS): MemberNameLookup {
  return {
    async namesOf(turn, userIds) {
      const pending = [...new Set(userIds.filter(Boolean))].slice(0, limits.maxLookups);
      const names = new Map<string, string>();
      let open = true;
      const worker = async (): Promise<void> => {
        for (let id = pending.shift(); open && id !== undefined; id = pending.shift()) {
          const name = (await turn.members.get(id, { timeoutMs: limits.lookupTimeoutMs }))?.name;
          if (open && typeof name === 'string' && name.trim()) names.set(id, name.trim());
        }
      };
      let timer: NodeJS.Timeout | undefined;
      const outOfTime = new Promise<void>((resolve) => (timer = setTimeout(resolve, limits.budgetMs)));
      await Promise.race([Promise.all(Array.from({ length: limits.concurrency }, worker)), outOfTime]);
      clearTimeout(timer);
      // Past the budget: what is known so far; lookups still in flight end unheard.
      open = false;
      return names;
    },
  };
}

export const teamsMemberNames: MemberNameLookup = teamsMemberNamesWith();
