/**
 * R4: the exact refusal message of Partner Center (English page and the French
 * seed), with the next available date, plus a sentence saying which limit blocked.
 */
import { fill, formatDate, Locale, Messages } from '../i18n/locale';
import { LimitKind } from './associationRules';
import { AssociationLimits } from './types';
import { limitWording } from './limitWording';

const text: Messages<'r4' | 'cooldown' | 'yearlyLimit'> = {
  en: {
    r4: 'You have attempted to associate with a partner organization. However, we require a period of 30 days between associations. Your next available date for a subsequent association is {date}.',
    cooldown: 'What blocks it now: {cooldown} days must pass from the start of your last association.',
    yearlyLimit: 'What blocks it now: you have used {used} of {max} associations allowed {perWindow}.',
  },
  fr: {
    r4: 'Vous avez tenté de vous associer à une organisation partenaire. Toutefois, nous exigeons une période de 30 jours entre chaque association. La prochaine date disponible pour une association est {date}',
    cooldown: 'Ce qui bloque : {cooldown} jours doivent s’écouler depuis le début de votre dernière association.',
    yearlyLimit: 'Ce qui bloque : vous avez utilisé {used} des {max} associations autorisées {perWindow}.',
  },
};

export interface Refusal {
  blockedBy: LimitKind[];
  nextDate: Date;
  usedInWindow: number;
}

/** The R4 sentence, word for word, with the date in the person's language. */
export function r4Message(nextDate: Date, locale: Locale): string {
  return fill(text[locale].r4, { date: formatDate(nextDate, locale) });
}

/** Which limits blocked, one sentence each. */
export function blockingReasons(refusal: Refusal, limits: AssociationLimits, locale: Locale): string[] {
  return refusal.blockedBy.map((kind) =>
    fill(text[locale][kind], { ...limitWording(limits, locale), used: refusal.usedInWindow }),
  );
}
