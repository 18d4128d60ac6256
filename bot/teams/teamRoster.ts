/**
 * The team roster, page by page (Teams' paged members API), and opening a
 * personal chat with a member who never talked to the bot, for admin reminders.
 */
import { ConversationParameters, TeamsChannelAccount, TeamsInfo, TurnContext } from 'botbuilder';
import { ConversationRef, } from '../../services/notices/types';
import { RosterMember } from '../../services/notices/reminders';
import { pickLocale } from '../../services/i18n/locale';

export interface TeamRoster {
  pages(context: TurnContext): AsyncIterable<RosterMember[]>;
  openPersonalChat(context: TurnContext, member: RosterMember): Promise<ConversationRef | null>;
}

const PAGE_SIZE = 100;

export function teamsRoster(botAppId: string): TeamRoster {
  // Teams ids (29:…) of the members met while paging, to open chats by aadObjectId later.
  const teamsIds = new Map<string, string>();
  return {
    async *pages(context) {
      let continuationToken: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, continuationToken);
        const members = (page.members ?? []).filter((m: TeamsChannelAccount) => m.aadObjectId);
        const tenantId = context.activity.conversation?.tenantId ?? (context.activity.channelData as { tenant?: { id?: string } })?.tenant?.id ?? '';
        for (const m of members) teamsIds.set(m.aadObjectId as string, m.id);
        yield members.map((m) => ({ tenantId: m.tenantId ?? tenantId, userId: m.aadObjectId as string }));
        continuationToken = page.continuationToken || undefined;
      } while (continuationToken);
    },
    async openPersonalChat(context, member) {
      const teamsId = teamsIds.get(member.userId);
      const serviceUrl = context.activity.serviceUrl;
      if (!teamsId || !serviceUrl) return null;
      let ref: ConversationRef | null = null;
      const params = {
        isGroup: false,
        bot: context.activity.recipient,
        members: [{ id: teamsId, name: '' }],
        tenantId: member.tenantId,
        channelData: { tenant: { id: member.tenantId } },
      } as ConversationParameters;
      const adapter = context.adapter as unknown as {
        createConversationAsync(appId: string, channelId: string, serviceUrl: string, audience: string, params: ConversationParameters, logic: (ctx: TurnContext) => Promise<void>): Promise<void>;
      };
      try {
        await adapter.createConversationAsync(botAppId, context.activity.channelId, serviceUrl, 'https://api.botframework.com', params, async (ctx) => {
          const id = ctx.activity.conversation?.id;
          if (id) {
            ref = { serviceUrl, conversationId: id, tenantId: member.tenantId, userId: member.userId, botId: context.activity.recipient?.id ?? '', locale: pickLocale(context.activity.locale) };
          }
        });
      } catch {
        return null;
      }
      return ref;
    },
  };
}
