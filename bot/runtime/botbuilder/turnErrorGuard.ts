/**
 * What happens when a turn throws.
 *
 * Without an onTurnError handler botbuilder rethrows, the HTTP layer answers 500 and the
 * channel retries the same activity, which usually fails the same way again. With it, the
 * turn ends normally: a message gets 200 plus a short apology to the user, and an invoke
 * gets an explicit 500 invoke response (botbuilder would otherwise report 501 "not
 * implemented", which misleads whoever reads the channel's logs).
 */
import { ActivityTypes, BotAdapter, INVOKE_RESPONSE_KEY, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { summarizeError } from '../errorSummary';

export const DEFAULT_TURN_ERROR_MESSAGE = 'Sorry, something went wrong on our side. Please try again in a moment.';

export interface TurnErrorGuardOptions {
  log: Logger;
  /** Text sent to the user after a failed message turn; return undefined to send nothing. */
  userMessage?: (context: TurnContext) => string | undefined;
}

/** Ids that let an operator find the turn in the channel's logs; no names, no text. */
export function turnIds(context: TurnContext): { activityId?: string; conversationId?: string; activityType?: string } {
  const activity = context.activity;
  return {
    activityId: activity?.id,
    conversationId: activity?.conversation?.id,
    activityType: activity?.type,
  };
}

export function installTurnErrorGuard(adapter: BotAdapter, options: TurnErrorGuardOptions): void {
  const userMessage = options.userMessage ?? (() => DEFAULT_TURN_ERROR_MESSAGE);
  adapter.onTurnError = async (context: TurnContext, error: Error): Promise<void> => {
    const ids = turnIds(context);
    options.log.error({ ...ids, err: summarizeError(error) }, 'turn failed');
    try {
      if (context.activity?.type === ActivityTypes.Invoke) {
        if (!context.turnState.get(INVOKE_RESPONSE_KEY)) {
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 500 } });
        }
      } else if (context.activity?.type === ActivityTypes.Message) {
        const text = userMessage(context);
        if (text) await context.sendActivity(text);
      }
    } catch (sendError) {
      // The connector may be what failed in the first place; the turn still ends cleanly.
      options.log.warn({ ...ids, err: summarizeError(sendError) }, 'could not tell the user about the failed turn');
    }
  };
}
