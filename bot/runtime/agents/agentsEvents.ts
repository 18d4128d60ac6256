/**
 * Routes each activity to CertLink's TurnHandler as botbuilder's TeamsActivityHandler does
 * (bot/runtime/botbuilder/teamsEvents.ts): message, Universal Actions click (adaptiveCard/action,
 * with the same invoke responses), sign-in invokes, install and uninstall, members added. The
 * SDK's own ActivityHandler is not used: on Teams it would need the deprecated Teams extension.
 */
import { ActivityTypes } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Turn, TurnHandler } from '../turn';
import { AdaptiveCardInvokeBody, answerBody } from '../universalActions';

interface InvokeAnswer {
  status: number;
  body?: unknown;
}

export class AgentsEvents {
  constructor(
    private readonly handler: TurnHandler,
    private readonly turnOf: (context: TurnContext) => Turn,
  ) {}

  async run(context: TurnContext): Promise<void> {
    const turn = this.turnOf(context);
    await this.handler.run(turn, () => this.dispatch(context, turn));
  }

  private async dispatch(context: TurnContext, turn: Turn): Promise<void> {
    const a = context.activity;
    switch (a.type) {
      case ActivityTypes.Message:
        return this.handler.message(turn);
      case ActivityTypes.Invoke: {
        const answer = await this.invoke(context, turn);
        if (!turn.responded) await turn.respond(answer.status, answer.body);
        return;
      }
      case ActivityTypes.ConversationUpdate:
        if (a.membersAdded?.length) await this.handler.membersAdded(turn, a.membersAdded);
        return;
      case ActivityTypes.InstallationUpdate:
        if (a.action === 'add' || a.action === 'add-upgrade') await this.handler.installed(turn);
        else if (a.action === 'remove' || a.action === 'remove-upgrade') await this.handler.uninstalled(turn);
        return;
      default:
        return;
    }
  }

  private async invoke(context: TurnContext, turn: Turn): Promise<InvokeAnswer> {
    switch (context.activity.name) {
      case 'adaptiveCard/action': {
        const value = context.activity.value as { action: { type?: unknown; verb?: unknown; data?: unknown } } | undefined;
        // botbuilder's checks, in its order and words (a value without an action is its TypeError: a failed turn).
        if (!value) return invokeError(400, 'BadRequest', 'Missing value property');
        if (value.action.type !== 'Action.Execute') return invokeError(400, 'NotSupported', `The action '${String(value.action.type)}' is not supported.`);
        const body = answerBody(await this.handler.cardAction(turn, { verb: value.action.verb, data: value.action.data }));
        return { status: body.statusCode, body };
      }
      case 'signin/verifyState':
      case 'signin/tokenExchange':
        await turn.continueSignIn();
        return { status: 200 };
      default:
        return this.handler.unhandledInvoke(turn);
    }
  }
}

function invokeError(status: number, code: string, message: string): InvokeAnswer {
  const body: AdaptiveCardInvokeBody = { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } };
  return { status, body };
}
