/**
 * What people say for "my data" and "delete my data", in English and French. Patterns run on
 * normalizeText() output (no accents, lower case); where each stands against every other
 * feature's phrases is decided in ../priority.ts.
 */
import type { IntentPattern } from '../../intents/intentPattern';

export type PrivacyIntent = 'privacy.deleteMyData' | 'privacy.myData';

export const privacyPhrases = {
  deleteMyData: {
    intent: 'privacy.deleteMyData',
    en: [
      /\b(delete|erase|remove|forget|wipe|purge)\b.*\bmy (personal )?(data|information|info)\b/,
      /\bforget me\b/,
      /\bright to (be forgotten|erasure)\b/,
      /\b(delete|erase|remove|forget|wipe|purge)\b.*\b(everything|all)\b.*\b(about me|you (know|have|hold|keep|store))\b/,
    ],
    fr: [
      /\b(supprim\w*|effac\w*|oubli\w*|retir\w*)\b.*\bmes (donnees|informations)\b/,
      /\boubli(ez|e).moi\b/,
      /\bdroit a l'oubli\b/,
      /\b(supprim\w*|effac\w*|oubli\w*)\b.*\btout\b.*\b(sur moi|me concern\w*|savez|sais)\b/,
    ],
  },
  myData: {
    intent: 'privacy.myData',
    en: [
      /\bmy (personal )?data\b/,
      /\bwhat (data|information) do you (have|hold|keep|store)\b/,
      /\b(export|download) my (data|information)\b/,
      /\bwhat (do|does) (you|certlink) (store|keep|know|hold|have|save|collect) (about|on) me\b/,
    ],
    fr: [
      /\bmes donnees\b/,
      /\bmes informations personnelles\b/,
      /\bquelles donnees\b/,
      /\bque (savez|gardez|conservez|stockez|avez)[ -]vous (de|sur) moi\b/,
      /\bqu'est.ce que (vous savez|vous gardez|vous conservez|certlink garde|certlink sait) (de|sur) moi\b/,
    ],
  },
} satisfies Record<string, IntentPattern<PrivacyIntent>>;
