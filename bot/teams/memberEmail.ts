import { TeamsInfo, TurnContext } from 'botbuilder';

/** The person's work email as Teams knows it: the key of the "Use email@address" shortcut. */
export interface MemberEmailLookup {
  emailOf(context: TurnContext): Promise<string | null>;
}

/**
 * Asks the Teams member API at the activity's serviceUrl
 * (GET /v3/conversations/{id}/members/{userId}). A failed lookup is "no email",
 * never a crash: the person is then offered sign-in or told what to do.
 */
export const teamsMemberEmail: MemberEmailLookup = {
  async emailOf(context) {
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      const email = member.email || member.userPrincipalName;
      return typeof email === 'string' && email.includes('@') ? email : null;
    } catch {
      return null;
    }
  },
};
