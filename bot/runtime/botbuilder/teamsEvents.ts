/**
 * botbuilder's TeamsActivityHandler routes each activity (message, card click, install,
 * sign-in invoke…) as Teams defines them; each route calls CertLink's TurnHandler.
 */
import { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, InvokeResponse, SigninStateVerificationQuery, TeamsActivityHandler, TurnContext } from 'botbuilder';
import { DialogSet } from 'botbuilder-dialogs';
import type { Turn, TurnHandler } from '../turn';
import { answerBody } from '../universalActions';

export class TeamsEvents extends TeamsActivityHandler {
  constructor(
    private readonly handler: TurnHandler,
    private readonly turnOf: (context: TurnContext) => Turn,
    private readonly dialogs: DialogSet,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await handler.message(turnOf(context));
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await handler.installed(turnOf(context));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await handler.uninstalled(turnOf(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await handler.membersAdded(turnOf(context), context.activity.membersAdded ?? []);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await this.handler.run(this.turnOf(context), () => super.run(context));
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const answer = await this.handler.cardAction(this.turnOf(context), { verb: value?.action?.verb, data: value?.action?.data });
    return answerBody(answer) as AdaptiveCardInvokeResponse;
  }

  /** botbuilder answers an invoke it has no route for with 501; CertLink's handler says what instead. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    if (response?.status !== 501) return response;
    return this.handler.unhandledInvoke(this.turnOf(context));
  }

  protected override async handleTeamsSigninVerifyState(context: TurnContext, _query: SigninStateVerificationQuery): Promise<void> {
    await this.continueSignIn(context);
  }

  protected override async handleTeamsSigninTokenExchange(context: TurnContext, _query: SigninStateVerificationQuery): Promise<void> {
    await this.continueSignIn(context);
  }

  private async continueSignIn(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    await dc.continueDialog();
  }
}
