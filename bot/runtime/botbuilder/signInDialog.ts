/**
 * "Sign in with another Microsoft Learning account": botbuilder's OAuthPrompt
 * against the Azure Bot OAuth connection named in OAUTH_CONNECTION_NAME. The
 * password goes to Microsoft's sign-in page, never into the chat (R5).
 */
import { TurnContext } from 'botbuilder';
import { ComponentDialog, OAuthPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';

export const SIGN_IN_DIALOG = 'signIn';
/** The Partner University account's sign-in: the same prompt on its own connection. */
export const UNIVERSITY_SIGN_IN_DIALOG = 'signInUniversity';
const PROMPT = 'oauthPrompt';

export type TokenReceived = (context: TurnContext, token: string | null) => Promise<void>;

export class SignInDialog extends ComponentDialog {
  constructor(connectionName: string, promptText: (context: TurnContext) => { title: string; text: string }, onToken: TokenReceived, dialogId = SIGN_IN_DIALOG) {
    super(dialogId);
    this.addDialog(
      new OAuthPrompt(PROMPT, {
        connectionName,
        title: 'Sign in',
        text: 'Sign in with the Microsoft account you use for Microsoft Learning.',
        timeout: 5 * 60 * 1000,
      }),
    );
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step: WaterfallStepContext) => {
          const { title, text } = promptText(step.context);
          return step.prompt(PROMPT, { prompt: { type: 'message', text: title }, retryPrompt: { type: 'message', text } });
        },
        async (step: WaterfallStepContext) => {
          const result = step.result as { token?: string } | undefined;
          await onToken(step.context, result?.token ?? null);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'steps';
  }
}
