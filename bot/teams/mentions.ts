import type { TurnContext } from 'botbuilder';
import { getTeamsMember } from './memberApi';

export interface Mentioned {
  /** Teams user id (29:…), as in the mention entity. */
  id: string;
  name: string;
}

/** The people @mentioned in a message, without the bot itself (it is mentioned in every channel message to it). */
export function mentionedPeople(context: TurnContext): Mentioned[] {
  const botId = context.activity.recipient?.id;
  const out: Mentioned[] = [];
  for (const entity of context.activity.entities ?? []) {
    const mentioned = (entity as { type?: string; mentioned?: { id?: unknown; name?: unknown } }).mentioned;
    if (entity.type !== 'mention' || !mentioned || typeof mentioned.id !== 'string' || mentioned.id === botId) continue;
    out.push({ id: mentioned.id, name: typeof mentioned.name === 'string' ? mentioned.name : '' });
  }
  return out;
}

/** Resolves a Teams user id to the Entra object id roles and links are keyed on. */
export interface MemberIdLookup {
  aadObjectIdOf(context: TurnContext, teamsUserId: string): Promise<string | null>;
}

export const teamsMemberIds: MemberIdLookup = {
  async aadObjectIdOf(context, teamsUserId) {
    const id = (await getTeamsMember(context, teamsUserId))?.aadObjectId;
    return typeof id === 'string' && id ? id : null;
  },
};
