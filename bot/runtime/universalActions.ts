/**
 * The bodies of Universal Actions' invoke responses (adaptiveCard/action), as Teams reads them
 * whatever SDK sends them: a card that replaces the clicked one, or an error.
 */
import type { AdaptiveCardAttachment } from '../../cards/render';
import type { CardActionAnswer } from './turn';

export interface AdaptiveCardInvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

export function cardBody(card: AdaptiveCardAttachment): AdaptiveCardInvokeBody {
  return { statusCode: 200, type: card.contentType, value: card.content };
}

export function badRequestBody(message: string): AdaptiveCardInvokeBody {
  return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } };
}

export function answerBody(answer: CardActionAnswer): AdaptiveCardInvokeBody {
  return 'card' in answer ? cardBody(answer.card) : badRequestBody(answer.badRequest);
}
