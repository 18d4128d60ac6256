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

export const DEFAULT_TURN_ERROR_MESSAGE = 'Sorry, something went wrong on our side. Please try again in a moment.';

export interface TurnErrorGuardOptions {
  log: Logger;
  /** Text sent to the user after a failed message turn; return undefined to send nothing. */
  userMessage?: (context: TurnContext) => string | undefined;
}

/** Loggable summary of an error with no personal data: never the request or response objects. */
export interface ErrorSummary {
  type: string;
  message: string;
  statusCode?: number;
  stack?: string;
}

/**
 * Errors from the connector client carry the outgoing request (with the user's text) and
 * the response; pino's default serializer would log all of it. Keep the class, a short
 * message and the stack frames only.
 */
export function summarizeError(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-Error value thrown' };
  const withStatus = error as Error & { statusCode?: unknown };
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 15)
    .join('\n');
  return {
    type: error.name,
    message: error.message.slice(0, 200),
    ...(typeof withStatus.statusCode === 'number' ? { statusCode: withStatus.statusCode } : {}),
    ...(frames ? { stack: frames } : {}),
  };
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
