import type { Turn } from '../runtime/turn';

export interface Mentioned {
  /** Teams user id (29:…), as in the mention entity. */
  id: string;
  name: string;
}

/** The people @mentioned in a message, without the bot itself (it is mentioned in every channel message to it). */
export function mentionedPeople(turn: Turn): Mentioned[] {
  const botId = turn.activity.recipient?.id;
  const out: Mentioned[] = [];
  for (const entity of turn.activity.entities ?? []) {
    const mentioned = entity.mentioned;
    if (entity.type !== 'mention' || !mentioned || typeof mentioned.id !== 'string' || mentioned.id === botId) continue;
    out.push({ id: mentioned.id, name: typeof mentioned.name === 'string' ? mentioned.name : '' });
  }
  return out;
}

/** Resolves a Teams user id to the Entra object id roles and links are keyed on. */
export interface MemberIdLookup {
  aadObjectIdOf(turn: Turn, teamsUserId: string): Promise<string | null>;
}

export const teamsMemberIds: MemberIdLookup = {
  async aadObjectIdOf(turn, teamsUserId) {
    const id = (await turn.members.get(teamsUserId))?.aadObjectId;
    return typeof id === 'string' && id ? id : null;
  },
};
