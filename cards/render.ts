/**
 * Expands a card template (JSON in cards/) with typed data through
 * adaptivecards-templating. User text only ever travels as data: the templating
 * engine does not re-evaluate data, so "${...}" typed by a person stays text.
 *
 * Every card builder goes through renderCard, so it is where the card's text is made safe to
 * show: Teams reads TextBlock text and facts as Markdown, and each of those is escaped
 * (cards/markdownText.ts). Button titles and URLs are not Markdown and stay as they are.
 */
import * as ACData from 'adaptivecards-templating';
import { markdownSafe } from './markdownText';

export interface AdaptiveCardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: Record<string, unknown>;
}

const parsed = new WeakMap<object, ACData.Template>();

/** Templates are parsed once and reused: expansion is on every turn's hot path. */
export function expandCard(template: object, data: object): Record<string, unknown> {
  let compiled = parsed.get(template);
  if (!compiled) {
    compiled = new ACData.Template(template);
    parsed.set(template, compiled);
  }
  return escapeShownText(compiled.expand({ $root: data }) as Record<string, unknown>);
}

export function renderCard(template: object, data: object): AdaptiveCardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: expandCard(template, data) };
}

type Node = Record<string, unknown>;

/** Escapes, in place, the text Teams renders as Markdown: TextBlock.text, and each fact's title and value. */
function escapeShownText(node: Node): Node {
  if (node.type === 'TextBlock' && typeof node.text === 'string') node.text = markdownSafe(node.text);
  if (node.type === 'FactSet' && Array.isArray(node.facts)) {
    for (const fact of node.facts as Node[]) {
      if (typeof fact.title === 'string') fact.title = markdownSafe(fact.title);
      if (typeof fact.value === 'string') fact.value = markdownSafe(fact.value);
    }
  }
  for (const key in node) {
    const value = node[key];
    if (Array.isArray(value)) for (const item of value) if (item !== null && typeof item === 'object') escapeShownText(item as Node);
  }
  return node;
}
