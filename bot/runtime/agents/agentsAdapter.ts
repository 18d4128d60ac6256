/**
 * CertLink's adapter on the Agents SDK: the SDK's BaseAdapter (middleware, onTurnError, the
 * TurnContext it hands each turn) with messages posted straight to the connector, signed with
 * the app's token (connector/connectorCalls.ts), as CertLink's botbuilder adapter does. An
 * invoke's answer is kept for the HTTP response, as the SDK's CloudAdapter keeps it.
 *
 * Why not the SDK's CloudAdapter: it fetches a token and builds a connector client and a
 * user-token client on every turn before the bot runs, whether or not the turn calls them, and it
 * refuses anonymous requests and a missing app id when NODE_ENV is production (local mode here).
 */
import { Activity, ActivityTypes, Channels, ConversationReference } from '@microsoft/agents-activity';
import { AttachmentInfo, BaseAdapter, INVOKE_RESPONSE_KEY, ResourceResponse, TurnContext } from '@microsoft/agents-hosting';
import { CallOptions, postActivity } from '../connector/connectorCalls';
import type { SignRequest } from '../connector/connectorHttp';

export class AgentsAdapter extends BaseAdapter {
  constructor(
    private readonly sign: SignRequest,
    private readonly options: CallOptions = {},
  ) {
    super();
  }

  /** Runs one turn through the middleware and onTurnError, as the SDK's adapters do. */
  runTurn(context: TurnContext, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.runMiddleware(context, logic);
  }

  async sendActivities(context: TurnContext, activities: Activity[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    // One at a time and in order: the chat shows them in the order sent.
    for (const activity of activities) {
      delete activity.id; // the connector gives the id
      if (activity.type === ActivityTypes.InvokeResponse) context.turnState.set(INVOKE_RESPONSE_KEY, activity);
      else if (activity.type === 'delay' || (activity.type === ActivityTypes.Trace && activity.channelId !== Channels.Emulator)) {
        // Nothing to deliver.
      } else {
        responses.push({ id: await postActivity(wire(activity), this.sign, this.options) });
        continue;
      }
      responses.push({ id: '' });
    }
    return responses;
  }

  updateActivity(): Promise<void> {
    return Promise.reject(new Error('CertLink does not update sent messages'));
  }

  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('CertLink does not delete sent messages'));
  }

  continueConversation(_app: unknown, _reference: Partial<ConversationReference>): Promise<void> {
    return Promise.reject(new Error('proactive messages go through the notice transport (agentsProactive.ts)'));
  }

  uploadAttachment(): Promise<ResourceResponse> {
    return Promise.reject(new Error('CertLink does not upload attachments'));
  }

  getAttachmentInfo(): Promise<AttachmentInfo> {
    return Promise.reject(new Error('CertLink does not read attachments'));
  }

  getAttachment(_context: TurnContext, _id: string, _view: string): Promise<NodeJS.ReadableStream> {
    return Promise.reject(new Error('CertLink does not read attachments'));
  }
}

/**
 * The activity as the connector reads it: the SDK keeps channelId as `_channelId` and the
 * relatesTo bot as `agent`, and renames both on the way out (its activityWireCompat, not exported).
 */
function wire(activity: Activity): Record<string, unknown> {
  const out = JSON.parse(JSON.stringify(activity)) as Record<string, unknown> & { relatesTo?: Record<string, unknown> };
  if (out._channelId !== undefined) {
    out.channelId = String(out._channelId);
    delete out._channelId;
  }
  if (out.relatesTo?.agent !== undefined) {
    out.relatesTo.bot = out.relatesTo.agent;
    delete out.relatesTo.agent;
  }
  return out;
}
