/**
 * The team roster, page by page (Teams' paged members API), and opening a
 * personal chat with a member who never talked to the bot, for admin reminders.
 */
import { pickLocale } from '../../services/i18n/locale';
import { RosterMember } from '../../services/notices/reminders';
import { ConversationRef } from '../../services/notices/types';
import type { Turn } from '../runtime/turn';

export interface TeamRoster {
  pages(turn: Turn): AsyncIterable<RosterMember[]>;
  openPersonalChat(turn: Turn, member: RosterMember): Promise<ConversationRef | null>;
}

const PAGE_SIZE = 100;

export function teamsRoster(): TeamRoster {
  // Teams ids (29:…) of the members met while paging, to open chats by aadObjectId later.
  const teamsIds = new Map<string, string>();
  return {
    async *pages(turn) {
      const a = turn.activity;
      const tenantId = a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? '';
      for await (const page of turn.members.pages(PAGE_SIZE)) {
        const members = page.filter((m) => m.aadObjectId);
        for (const m of members) teamsIds.set(m.aadObjectId as string, m.id as string);
        yield members.map((m) => ({ tenantId: m.tenantId ?? tenantId, userId: m.aadObjectId as string }));
      }
    },
    async openPersonalChat(turn, member) {
      const teamsId = teamsIds.get(member.userId);
      const a = turn.activity;
      if (!teamsId || !a.serviceUrl) return null;
      let conversationId: string | null;
      try {
        conversationId = await turn.members.openPersonalChat(teamsId, member.tenantId);
      } catch {
        return null;
      }
      if (!conversationId) return null;
      return { serviceUrl: a.serviceUrl, conversationId, tenantId: member.tenantId, userId: member.userId, botId: a.recipient?.id ?? '', locale: pickLocale(a.locale) };
    },
  };
}
