/**
 * What a person would read in Teams, as plain text: an activity's text, its Adaptive Cards
 * (text blocks, facts, inputs, buttons) and suggested actions. `npm run connector` prints every
 * reply the bot sends this way.
 */
import type { WireActivity, WireAttachment } from './wireTypes';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

type CardElement = Record<string, unknown>;

const isElement = (value: unknown): value is CardElement => typeof value === 'object' && value !== null && !Array.isArray(value);
const elements = (value: unknown): CardElement[] => (Array.isArray(value) ? value.filter(isElement) : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function buttons(actions: unknown): string[] {
  const titles = elements(actions).map((a) => `[${str(a.title) || str(a.type)}]`);
  return titles.length > 0 ? [titles.join(' ')] : [];
}

/** The lines a card element shows, in order; containers are read through. */
function elementLines(element: CardElement): string[] {
  switch (element.type) {
    case 'TextBlock':
      return str(element.text) ? [str(element.text)] : [];
    case 'RichTextBlock':
      return [
        elements(element.inlines)
          .map((i) => str(i.text))
          .join(''),
      ];
    case 'FactSet':
      return elements(element.facts).map((f) => `${str(f.title)}: ${str(f.value)}`);
    case 'Container':
      return [...bodyLines(element.items), ...buttons(isElement(element.selectAction) ? [element.selectAction] : [])];
    case 'ColumnSet':
      return elements(element.columns).flatMap((c) => bodyLines(c.items));
    case 'Table':
      return elements(element.rows).map((row) =>
        elements(row.cells)
          .map((cell) => bodyLines(cell.items).join(' '))
          .join(' | '),
      );
    case 'ActionSet':
      return buttons(element.actions);
    case 'Image':
      return [`[image${str(element.altText) ? `: ${str(element.altText)}` : ''}]`];
    default:
      if (typeof element.type === 'string' && element.type.startsWith('Input.')) {
        return [`[${element.type}${str(element.label) || str(element.placeholder) ? `: ${str(element.label) || str(element.placeholder)}` : ''}]`];
      }
      return [];
  }
}

function bodyLines(body: unknown): string[] {
  return elements(body).flatMap(elementLines);
}

/** An Adaptive Card's text and buttons, top to bottom. */
export function adaptiveCardLines(card: unknown): string[] {
  if (!isElement(card)) return [];
  return [...bodyLines(card.body), ...buttons(card.actions)];
}

function attachmentLines(attachment: WireAttachment): string[] {
  if (attachment.contentType === ADAPTIVE_CARD) return adaptiveCardLines(attachment.content);
  return [`(attachment ${attachment.contentType}${attachment.name ? `: ${attachment.name}` : ''})`];
}

/** The activity as text a person reads, one line per paragraph, card or button row. Empty for a typing indicator. */
export function activityLines(activity: WireActivity): string[] {
  if (activity.type && activity.type !== 'message') return activity.type === 'typing' ? [] : [`(${activity.type} activity)`];
  const lines: string[] = [];
  if (activity.text) lines.push(...activity.text.split('\n'));
  for (const attachment of activity.attachments ?? []) {
    const card = attachmentLines(attachment);
    lines.push(...card.map((line, i) => (i === 0 ? `┌ ${line}` : `│ ${line}`)));
  }
  const suggested = activity.suggestedActions?.actions ?? [];
  if (suggested.length > 0) lines.push(suggested.map((a) => `[${a.title ?? String(a.value)}]`).join(' '));
  return lines;
}
