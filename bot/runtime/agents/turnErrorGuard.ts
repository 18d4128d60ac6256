/**
 * What happens when a turn throws, as on botbuilder (bot/runtime/botbuilder/turnErrorGuard.ts):
 * the turn ends normally; a message gets a short apology, an invoke an explicit 500 invoke
 * response. The SDK's default would send "The agent encountered an error or bug." and a trace.
 */
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { BaseAdapter, INVOKE_RESPONSE_KEY, TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import { summarizeError } from '../errorSummary';

export const DEFAULT_TURN_ERROR_MESSAGE = 'Sorry, something went wrong on our side. Please try again in a moment.';

export function installTurnErrorGuard(adapter: BaseAdapter, log: Logger, userMessage: (context: TurnContext) => string | undefined = () => DEFAULT_TURN_ERROR_MESSAGE): void {
  adapter.onTurnError = async (context: TurnContext, error: Error): Promise<void> => {
    const a = context.activity;
    const ids = { activityId: a?.id, conversationId: a?.conversation?.id, activityType: a?.type };
    log.error({ ...ids, err: summarizeError(error) }, 'turn failed');
    try {
      if (a?.type === ActivityTypes.Invoke) {
        if (!context.turnState.get(INVOKE_RESPONSE_KEY)) await context.sendActivity(Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status: 500 } }));
      } else if (a?.type === ActivityTypes.Message) {
        const text = userMessage(context);
        if (text) await context.sendActivity(text);
      }
    } catch (sendError) {
      // The connector may be what failed in the first place; the turn still ends cleanly.
      log.warn({ ...ids, err: summarizeError(sendError) }, 'could not tell the user about the failed turn');
    }
  };
}
