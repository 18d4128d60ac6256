import { fill, Locale } from '../../services/i18n/locale';
import { conversationText, TextKey } from './conversationText';

export function say(locale: Locale, key: TextKey, values: Record<string, string | number> = {}): string {
  return fill(conversationText[locale][key], values);
}
