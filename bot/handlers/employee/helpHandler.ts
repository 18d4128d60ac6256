/** Help, welcome and the seed's six FAQ answers. */
import { menuCard } from '../../../cards/cardModels';
import { AdaptiveCardAttachment } from '../../../cards/render';
import { Locale } from '../../../services/i18n/locale';
import { TextKey } from '../../i18n/conversationText';
import { noticeText } from '../../i18n/noticeText';
import { say } from '../../i18n/say';
import { MessageHandler } from '../handlerTypes';

function commands(locale: Locale): { title: string; text: string }[] {
  return [
    { title: say(locale, 'cmdLink'), text: locale === 'fr' ? 'lier ma certification' : 'link my certification' },
    { title: say(locale, 'cmdStatus'), text: locale === 'fr' ? 'quand puis-je lier à nouveau' : 'when can I link again' },
    { title: say(locale, 'cmdRemove'), text: locale === 'fr' ? 'supprimer ma certification' : 'remove my certification' },
    { title: say(locale, 'cmdUniversity'), text: locale === 'fr' ? 'lier l’Université partenaire' : 'link Partner University' },
  ];
}

export function helpCard(locale: Locale): AdaptiveCardAttachment {
  return menuCard({
    title: say(locale, 'helpTitle'),
    lines: [
      say(locale, 'helpIntro'),
      say(locale, 'helpLink'),
      say(locale, 'helpRemove'),
      say(locale, 'helpStatus'),
      say(locale, 'helpUniversity'),
      noticeText[locale].helpNotices,
      say(locale, 'helpPrivacy'),
      say(locale, 'helpFaq'),
    ],
    commands: commands(locale),
  });
}

export function welcomeCard(locale: Locale, orgName: string): AdaptiveCardAttachment {
  return menuCard({ title: say(locale, 'welcomeTitle'), lines: [say(locale, 'welcomeBody', { org: orgName })], commands: commands(locale) });
}

export const showHelp: MessageHandler = async (hc) => ({ card: helpCard(hc.locale) });

/** A fixed answer; the limits it may quote are the configured ones, not the defaults. */
const faq = (key: TextKey): MessageHandler => async (hc) => {
  const { maxPerWindow, cooldownDays } = hc.services.associations.limits;
  return { text: say(hc.locale, key, { max: maxPerWindow, cooldown: cooldownDays }) };
};

export const faqHandlers = {
  'faq.howLink': faq('faqHowLink'),
  'faq.howUnlink': faq('faqHowUnlink'),
  'faq.movedCompany': faq('faqMovedCompany'),
  'faq.leftNoAccess': faq('faqLeftNoAccess'),
  'faq.adminNoResponse': faq('faqAdminNoResponse'),
  'faq.limited': faq('faqLimited'),
  'faq.reportDelay': faq('faqReportDelay'),
  thanks: faq('thanks'),
} as const;
