/**
 * POST /api/messages on botbuilder: CloudAdapter.process() authenticates the request (401 for a
 * missing or bad channel token when an app id is configured), runs the turn, and reports the
 * invoke response if any. Its answer is collected rather than written to restify, so the route
 * keeps one error body and its own logging.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { summarizeError } from '../errorSummary';
import type { ActivityEndpoint, ChannelActivity, EndpointAnswer } from '../turn';
import { installTurnErrorGuard } from './turnErrorGuard';

export interface MessagesEndpointOptions {
  adapter: CloudAdapter;
  /** The turn's logic: CertLink's handler, or a plain function (the bench's echo bot, tests). */
  logic: (context: TurnContext) => Promise<void>;
  log: Logger;
  /** Asked once the request is authenticated, before the turn: a reason refuses the activity. */
  refuse?: (activity: ChannelActivity) => string | null;
  /** Text sent to the user when a message turn throws (see turnErrorGuard). */
  turnErrorMessage?: (activity: ChannelActivity) => string | undefined;
}

/** What CloudAdapter.process() decides (status and body). */
class CapturedResponse {
  statusCode = 200;
  body: unknown = undefined;
  readonly socket: unknown = null;
  status(code: number): void {
    this.statusCode = code;
  }
  send(body?: unknown): void {
    this.body = body;
  }
  header(): void {
    // Headers botbuilder sets are not needed: the route answers with JSON or nothing.
  }
  end(): void {
    // Nothing to flush; the route writes the real response.
  }
}

export function messagesEndpoint(o: MessagesEndpointOptions): ActivityEndpoint {
  const turnErrorMessage = o.turnErrorMessage;
  installTurnErrorGuard(o.adapter, { log: o.log, userMessage: turnErrorMessage ? (context) => turnErrorMessage(context.activity) : undefined });
  return {
    async process(activity: Record<string, unknown>, headers: IncomingHttpHeaders): Promise<EndpointAnswer> {
      const captured = new CapturedResponse();
      let turnStarted = false;
      let refusal: string | null = null;
      const run = async (context: TurnContext): Promise<void> => {
        turnStarted = true;
        refusal = o.refuse?.(context.activity) ?? null;
        if (refusal === null) await o.logic(context);
      };
      try {
        await o.adapter.process({ method: 'POST', headers, body: activity }, captured, run);
      } catch (err) {
        // Only reached if the adapter itself throws outside a turn (the turn guard catches the rest).
        const ids = { activityId: activity.id, conversationId: (activity.conversation as { id?: unknown } | undefined)?.id };
        o.log.error({ ...ids, err: summarizeError(err) }, 'adapter failed outside a turn');
        captured.statusCode = 500;
        captured.body = undefined;
      }
      if (refusal !== null) return { status: 403, refusal };
      // botbuilder reports a token with a bad signature (jsonwebtoken's error, not its own
      // AuthenticationError) as 500. Nothing but authentication runs before the turn, so a
      // failure there with a token present is an unauthenticated request, not our fault.
      if (captured.statusCode >= 500 && !turnStarted && headers.authorization) return { status: 401, body: captured.body };
      return { status: captured.statusCode, body: captured.body };
    },
  };
}
