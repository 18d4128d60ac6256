/**
 * Text for Teams to show as it is. Teams reads the text of a card's TextBlocks and facts, and of a
 * plain message, as Markdown (links, emphasis, lists), so a name such as
 * "[Verify your account](https://evil.example)" would become a live link in an admin's card. Every
 * such text goes through markdownSafe(): renderCard (cards/render.ts) for every card, and the turn
 * pipeline for plain replies. CertLink's own sentences hold no Markdown, so it leaves them as they are.
 *
 * It backslash-escapes what CommonMark would read as markup: link and image brackets, emphasis
 * (an underscore inside a word cannot start emphasis and stays), code, strikethrough, autolinks
 * and HTML (`<`), entities, and at the start of a line headings, quotes, list markers and rules.
 */

/** Anywhere in a line. */
const INLINE = /[\\`*[\]<~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|&(?=#?[A-Za-z0-9]+;)/gu;
/** At the start of a line: a heading, a quote, a bullet, a setext underline or rule. */
const BLOCK_MARK = /^([ \t]*)([#>+=-])/gm;
/** At the start of a line: an ordered list item ("1." or "1)"). */
const ORDERED = /^([ \t]*\d+)([.)])/gm;
/** Cheap test first: most texts hold none of these and are returned as they are. */
const MAYBE = /[\\`*[\]<~_&#>+=\-.)]/;

export function markdownSafe(text: string): string {
  if (!MAYBE.test(text)) return text;
  return text.replace(INLINE, '\\$&').replace(BLOCK_MARK, '$1\\$2').replace(ORDERED, '$1\\$2');
}
