/**
 * CertLink on botbuilder (4.23): CertLink's CloudAdapter (authentication.ts), conversation
 * state on the backend's documents, the OAuth sign-in dialog, proactive sends, and the
 * TeamsActivityHandler that hands each activity to CertLink's TurnHandler.
 */
import type { Storage, TurnContext } from 'botbuilder';
import { DialogSet, DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { BotRuntime, ServeOptions, SignInKind, TurnHandler, ActivityEndpoint } from '../turn';
import { AuthSettings, ChannelTrust, createCertLinkAdapter } from './authentication';
import { BotbuilderTurn, TurnEnvironment } from './botbuilderTurn';
import { messagesEndpoint } from './messagesEndpoint';
import { ConnectorTransport, createConnectorTransport } from './proactiveTransport';
import { SessionState } from './sessionState';
import { SIGN_IN_DIALOG, SignInDialog, UNIVERSITY_SIGN_IN_DIALOG } from './signInDialog';
import { StoreBackedStorage } from './storeBackedStorage';
import { TeamsEvents } from './teamsEvents';

export interface ServedBot extends ActivityEndpoint {
  /** One turn, as CloudAdapter runs it: tests drive it with botbuilder's TestAdapter. */
  logic(context: TurnContext): Promise<void>;
}

export interface BotbuilderServeOptions extends ServeOptions {
  /** botbuilder storage for conversation state instead of the store-backed one (tests). */
  storage?: Storage;
}

export class BotbuilderRuntime implements BotRuntime {
  readonly proactive: ConnectorTransport;

  constructor(
    private readonly config: AuthSettings,
    private readonly log: Logger,
    private readonly trust?: ChannelTrust,
  ) {
    this.proactive = createConnectorTransport(config);
  }

  serve(handler: TurnHandler, options: BotbuilderServeOptions): ServedBot {
    const storage = options.storage ?? new StoreBackedStorage(options.session.documents, { ttlSeconds: options.session.ttlSeconds });
    const session = new SessionState(storage);
    const dialogs = new DialogSet(session.property<DialogState>('dialogState'));
    const env: TurnEnvironment = { session, dialogs, botAppId: this.config.microsoftAppId };
    const turnOf = (context: TurnContext) => BotbuilderTurn.of(context, env);
    const signIn = (connectionName: string, kind: SignInKind, dialogId: string) =>
      new SignInDialog(
        connectionName,
        (context) => {
          const prompt = handler.signInPrompt(turnOf(context), kind);
          return { title: prompt, text: prompt };
        },
        (context, token) => handler.signedIn(turnOf(context), token, kind),
        dialogId,
      );
    if (options.oauthConnectionName) dialogs.add(signIn(options.oauthConnectionName, 'learning', SIGN_IN_DIALOG));
    if (options.universityOauthConnectionName) dialogs.add(signIn(options.universityOauthConnectionName, 'university', UNIVERSITY_SIGN_IN_DIALOG));
    const events = new TeamsEvents(handler, turnOf, dialogs);
    const logic = (context: TurnContext) => events.run(context);
    const adapter = createCertLinkAdapter(this.config, this.log, this.trust);
    const endpoint = messagesEndpoint({ adapter, logic, log: this.log, refuse: options.refuse, turnErrorMessage: options.turnErrorMessage });
    return { process: (activity, headers) => endpoint.process(activity, headers), logic };
  }
}
