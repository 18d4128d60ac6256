import type { Locale } from '../../services/i18n/locale';

/** The phrases that mean one intent, in each language, as regular expressions over normalizeText() output. */
export interface IntentPattern<Intent extends string = string> {
  intent: Intent;
  en: RegExp[];
  fr: RegExp[];
}

export interface RecognizedIntent<Intent extends string = string> {
  intent: Intent | null;
  /** The language the matching phrase was in, for when the activity carries no locale. */
  language: Locale | null;
}
