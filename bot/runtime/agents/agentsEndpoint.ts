/**
 * POST /api/messages on the Agents SDK: channel authentication (401), the activity as the SDK's
 * Activity (activityReader.ts; a body it cannot read is a 400), CertLink's identity rules (403), then the
 * turn through the adapter's middleware and onTurnError, and the invoke response if any. Answers
 * as bot/runtime/botbuilder/messagesEndpoint.ts does.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { INVOKE_RESPONSE_KEY, TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import { summarizeError } from '../errorSummary';
import type { ActivityEndpoint, ChannelActivity, EndpointAnswer } from '../turn';
import { readActivity } from './activityReader';
import type { AgentsAdapter } from './agentsAdapter';
import type { ChannelAuthentication } from './channelAuthentication';
import { installTurnErrorGuard } from './turnErrorGuard';

export interface AgentsEndpointOptions {
  adapter: AgentsAdapter;
  auth: ChannelAuthentication;
  logic: (context: TurnContext) => Promise<void>;
  log: Logger;
  refuse?: (activity: ChannelActivity) => string | null;
  turnErrorMessage?: (activity: ChannelActivity) => string | undefined;
}

export function agentsEndpoint(o: AgentsEndpointOptions): ActivityEndpoint {
  const turnErrorMessage = o.turnErrorMessage;
  installTurnErrorGuard(o.adapter, o.log, turnErrorMessage ? (context) => turnErrorMessage(context.activity as ChannelActivity) : undefined);
  return {
    async process(body: Record<string, unknown>, headers: IncomingHttpHeaders): Promise<EndpointAnswer> {
      const serviceUrl = typeof body.serviceUrl === 'string' ? body.serviceUrl : undefined;
      const auth = await o.auth.authenticate(headers, serviceUrl);
      if ('status' in auth) return { status: auth.status, body: auth.body };
      const activity = readActivity(body);
      if (!activity) return { status: 400 };
      const refusal = o.refuse?.(activity as ChannelActivity) ?? null;
      if (refusal !== null) return { status: 403, refusal };
      // The SDK addresses every reply from the activity's recipient (the bot) and cannot reply without one; Teams always names it.
      if (!activity.recipient) return { status: 400 };
      const context = new TurnContext(o.adapter, activity, auth.identity ?? undefined);
      try {
        await o.adapter.runTurn(context, o.logic);
      } catch (err) {
        // Only reached if the adapter itself throws outside a turn (the turn guard catches the rest).
        o.log.error({ activityId: activity.id, conversationId: activity.conversation?.id, err: summarizeError(err) }, 'adapter failed outside a turn');
        return { status: 500 };
      }
      const invoke = (context.turnState.get(INVOKE_RESPONSE_KEY) as { value?: { status?: number; body?: unknown } } | undefined)?.value;
      return invoke ? { status: invoke.status ?? 200, body: invoke.body } : { status: 200 };
    },
  };
}
