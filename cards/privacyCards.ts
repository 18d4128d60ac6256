/** The "my data" card: each category of data held, what is held and why, and the download button. */
import { AdaptiveCardAttachment, renderCard } from './render';
import myDataTemplate from './myDataCard.json';

export interface DataCategory {
  name: string;
  /** What is held now, in a sentence (or "nothing"). */
  held: string;
  why: string;
}

export interface MyDataCardData {
  title: string;
  lines: string[];
  categories: DataCategory[];
  notes: string[];
  downloadTitle: string;
  /** The signed, expiring link to the JSON export. */
  downloadUrl: string;
}

export function myDataCard(data: MyDataCardData): AdaptiveCardAttachment {
  return renderCard(myDataTemplate, data);
}
