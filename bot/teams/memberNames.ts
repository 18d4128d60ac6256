/**
 * Display names for the user ids an admin card shows (the audit log, the list of admins).
 * CertLink stores Entra object ids, never names: the names are read from the Teams member
 * API of the conversation the admin asks in, at display time, and kept nowhere.
 *
 * A member lookup only knows the members of that conversation (a team's members in a
 * channel, the chat's members in a group chat), so someone who left, or a pseudonymized
 * entry, keeps showing its id.
 */
import type { TurnContext } from 'botbuilder';
import { getTeamsMember } from './memberApi';

export interface MemberNameLookup {
  /** The names found, by user id; ids with no name are left out. Never throws. */
  namesOf(context: TurnContext, userIds: readonly string[]): Promise<Map<string, string>>;
}

/** Lookups per card: the audit card shows 20 entries of at most two people each. */
const MAX_LOOKUPS = 40;
/** Lookups in flight at once, to stay well within Teams' per-bot rate limits. */
const CONCURRENCY = 5;
/** A name is a nicety: an admin card does not wait long for it. */
const LOOKUP_TIMEOUT_MS = 2000;

export const teamsMemberNames: MemberNameLookup = {
  async namesOf(context, userIds) {
    const pending = [...new Set(userIds.filter(Boolean))].slice(0, MAX_LOOKUPS);
    const names = new Map<string, string>();
    const worker = async (): Promise<void> => {
      for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
        const name = (await getTeamsMember(context, id, { timeoutMs: LOOKUP_TIMEOUT_MS }))?.name;
        if (typeof name === 'string' && name.trim()) names.set(id, name.trim());
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return names;
  },
};
