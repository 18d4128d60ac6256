/**
 * Typed data for the four card templates. Builders fill these from services'
 * results; user-provided text only ever goes in as data (cards/render.ts).
 */
import choiceTemplate from './choiceCard.json';
import confirmTemplate from './confirmCard.json';
import menuTemplate from './menuCard.json';
import { AdaptiveCardAttachment, renderCard } from './render';
import statementTemplate from './statementCard.json';

export interface Fact {
  label: string;
  value: string;
}

export interface ExecuteButton {
  title: string;
  verb: string;
  cardId: string;
}

export type Tone = 'default' | 'good' | 'attention' | 'warning';

export interface StatementCardData {
  title: string;
  lines: string[];
  facts?: Fact[];
  notes?: string[];
  tone?: Tone;
  buttons?: ExecuteButton[];
}

export interface ConfirmCardData {
  title: string;
  lines: string[];
  facts?: Fact[];
  confirmTitle: string;
  cancelTitle: string;
  confirmVerb: string;
  cardId: string;
  /** More choices beside Confirm and Cancel, each with its own pending card. */
  extraButtons?: ExecuteButton[];
}

export interface ChoiceCardData {
  title: string;
  lines: string[];
  choices: ExecuteButton[];
}

export interface MenuCardData {
  title: string;
  lines: string[];
  /** Buttons that send `text` as if the person typed it (messageBack). */
  commands: { title: string; text: string }[];
}

export function statementCard(data: StatementCardData): AdaptiveCardAttachment {
  return renderCard(statementTemplate, {
    title: data.title,
    color: data.tone ?? 'default',
    lines: data.lines,
    facts: data.facts ?? [],
    notes: data.notes ?? [],
    buttons: data.buttons ?? [],
  });
}

export function confirmCard(data: ConfirmCardData): AdaptiveCardAttachment {
  return renderCard(confirmTemplate, { ...data, facts: data.facts ?? [], extraButtons: data.extraButtons ?? [] });
}

export function choiceCard(data: ChoiceCardData): AdaptiveCardAttachment {
  return renderCard(choiceTemplate, data);
}

export function menuCard(data: MenuCardData): AdaptiveCardAttachment {
  return renderCard(menuTemplate, data);
}
