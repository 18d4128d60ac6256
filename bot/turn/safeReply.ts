import { markdownSafe } from '../../cards/markdownText';
import type { Reply } from '../runtime/turn';

/**
 * A reply as Teams should show it: a plain message's text is Markdown to Teams, and it may carry
 * an email, an org's or a person's name, so it is escaped like a card's text (cards are escaped
 * when rendered, cards/render.ts).
 */
export function safeReply(reply: Reply): Reply {
  return 'text' in reply ? { text: markdownSafe(reply.text) } : reply;
}
