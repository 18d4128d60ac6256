/**
 * What people say for notices and reminders, in English and French. Patterns run on
 * normalizeText() output (no accents, lower case); where each stands against every other
 * feature's phrases is decided in ../priority.ts.
 */
import type { IntentPattern } from '../../intents/intentPattern';

export type NoticeIntent = 'notices.remindMembers' | 'notices.stop' | 'notices.start';

export const noticesPhrases = {
  remindMembers: {
    intent: 'notices.remindMembers',
    en: [/\bremind\b.*\b(members|people|everyone|team|users)\b/],
    fr: [/\b(relanc\w*|rappel\w*)\b.*\b(membres|personnes|equipe|utilisateurs)\b/],
  },
  stop: {
    intent: 'notices.stop',
    en: [
      /\b(stop|turn off|switch off|disable|mute|no more)\b.*\b(notifications?|notices?|reminders?)\b/,
      /\bunsubscribe\b/,
      /\b(don'?t|do not|stop|never) (message|messaging|write|writing|contact|contacting|notify|notifying|ping|pinging) me\b/,
    ],
    fr: [
      /\b(arret\w*|desactiv\w*|plus de|stop)\b.*\b(notifications?|rappels?)\b/,
      /\bdesabonn\w*\b/,
      /\bne (veux |souhaite |voudrais )?(plus|pas) (me )?(recevoir|ecrire|contacter|prevenir|notifier|etre (contacte|prevenu|notifie))\b/,
      /\bplus de messages\b/,
      /\bne m'(ecri\w*|envoy\w*|contact\w*|previen\w*) plus\b/,
    ],
  },
  start: {
    intent: 'notices.start',
    en: [/\b(start|turn on|switch on|enable|resume)\b.*\b(notifications?|notices?|reminders?)\b/, /\bnotify me\b/],
    fr: [/\b(activ\w*|reactiv\w*|demarr\w*|reprend\w*)\b.*\b(notifications?|rappels?)\b/, /\bprevenez.moi\b/],
  },
} satisfies Record<string, IntentPattern<NoticeIntent>>;
