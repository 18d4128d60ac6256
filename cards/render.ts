/**
 * Expands a card template (JSON in cards/) with typed data through
 * adaptivecards-templating. User text only ever travels as data: the templating
 * engine does not re-evaluate data, so "${...}" typed by a person stays text.
 */
import * as ACData from 'adaptivecards-templating';

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
  return compiled.expand({ $root: data }) as Record<string, unknown>;
}

export function renderCard(template: object, data: object): AdaptiveCardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: expandCard(template, data) };
}
