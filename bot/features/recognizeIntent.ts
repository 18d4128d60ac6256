import { IntentName, intentPriority } from './priority';
import type { RecognizedIntent } from '../intents/intentPattern';
import { normalizeText } from '../intents/normalizeText';

/** Typed text over this many characters is not a command; it is answered with help. */
export const MAX_COMMAND_LENGTH = 500;

export function recognizeIntent(text: string | undefined): RecognizedIntent<IntentName> {
  if (!text || text.length > MAX_COMMAND_LENGTH * 4) return { intent: null, language: null };
  const normalized = normalizeText(text).slice(0, MAX_COMMAND_LENGTH);
  if (!normalized) return { intent: null, language: null };
  for (const pattern of intentPriority) {
    // English first: words both languages share ("audit", "notifications") count as English,
    // and French-only words ("délier", "limitée") fail every English pattern.
    if (pattern.en.some((re) => re.test(normalized))) return { intent: pattern.intent, language: 'en' };
    if (pattern.fr.some((re) => re.test(normalized))) return { intent: pattern.intent, language: 'fr' };
  }
  return { intent: null, language: null };
}
