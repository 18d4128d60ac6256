/**
 * Typed data for the four card templates. Builders fill these from services'
 * results; user-provided text only ever goes in as data (docs/CONVENTIONS.md, Cards).
 *
 * Buttons must be read whole in a Teams card 450 px wide: a row holds BUTTONS_IN_A_ROW short
 * labels, and the rest go to the card's overflow menu ("…", `mode: "secondary"`, Adaptive Cards
 * 1.5). Choices are a list, one per row. Sentences belong in the card's text, not on a button.
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

/** How many buttons a card shows in its row; the others are in its overflow menu. */
export const BUTTONS_IN_A_ROW = 2;

type Mode = 'primary' | 'secondary';

/** The first buttons in the card's row, the others in its overflow menu. */
function inRow<T extends object>(buttons: T[]): (T & { mode: Mode })[] {
  return buttons.map((b, i) => ({ ...b, mode: i < BUTTONS_IN_A_ROW ? 'primary' : 'secondary' }));
}

export interface StatementCardData {
  title: string;
  lines: string[];
  facts?: Fact[];
  notes?: string[];
  tone?: Tone;
  buttons?: ExecuteButton[];
  /** A second titled part after the facts (the Partner University assessments of "my certifications"). */
  section?: { title: string; lines: string[]; facts: Fact[] };
}

export interface ConfirmCardData {
  title: string;
  lines: string[];
  facts?: Fact[];
  confirmTitle: string;
  cancelTitle: string;
  confirmVerb: string;
  cardId: string;
  /** More choices beside Confirm and Cancel, each with its own pending card: in the card's overflow menu. */
  extraButtons?: ExecuteButton[];
}

export interface ChoiceCardData {
  title: string;
  lines: string[];
  /** One button per row, each read whole. */
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
    buttons: inRow(data.buttons ?? []),
    sectionTitle: data.section?.title ?? '',
    sectionLines: data.section?.lines ?? [],
    sectionFacts: data.section?.facts ?? [],
  });
}

export function confirmCard(data: ConfirmCardData): AdaptiveCardAttachment {
  return renderCard(confirmTemplate, { ...data, facts: data.facts ?? [], extraButtons: data.extraButtons ?? [] });
}

export function choiceCard(data: ChoiceCardData): AdaptiveCardAttachment {
  return renderCard(choiceTemplate, data);
}

export function menuCard(data: MenuCardData): AdaptiveCardAttachment {
  return renderCard(menuTemplate, { ...data, commands: inRow(data.commands) });
}
