/**
 * CertLink on the Microsoft 365 Agents SDK (@microsoft/agents-hosting): the SDK's JWT middleware
 * for channel authentication, its TurnContext, middleware and conversation state on the
 * backend's documents, its token service client for the sign-in and its MSAL token provider for
 * CertLink's own connector calls. Behaves as bot/runtime/botbuilder/ does, proven by the same tests.
 */
import { Storage, TurnContext, UserTokenClient } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { AuthSettings, ChannelTrust } from '../channelTrust';
import { StoreBackedStorage } from '../storeBackedStorage';
import type { ActivityEndpoint, BotRuntime, ServeOptions, SignInKind, TurnHandler } from '../turn';
import { AgentsAdapter } from './agentsAdapter';
import { agentsEndpoint } from './agentsEndpoint';
import { AgentsEvents } from './agentsEvents';
import { AgentsTurn, TurnEnvironment } from './agentsTurn';
import { BOT_FRAMEWORK_SCOPE, ChannelAuthentication } from './channelAuthentication';
import { AgentsProactiveTransport } from './proactiveTransport';
import { SessionState } from './sessionState';
import { SignIn } from './signIn';

export interface AgentsServedBot extends ActivityEndpoint {
  /** The adapter turns run on: tests drive turns through it without HTTP. */
  readonly adapter: AgentsAdapter;
  /** One turn, as the endpoint runs it once the request is authenticated. */
  logic(context: TurnContext): Promise<void>;
}

export interface AgentsServeOptions extends ServeOptions {
  /** SDK storage for conversation state instead of the store-backed one (tests). */
  storage?: Storage;
}

export class AgentsRuntime implements BotRuntime {
  readonly proactive: AgentsProactiveTransport;
  private readonly auth: ChannelAuthentication;

  constructor(
    private readonly config: AuthSettings,
    private readonly log: Logger,
    trust?: ChannelTrust,
  ) {
    this.auth = new ChannelAuthentication(config, trust);
    this.proactive = new AgentsProactiveTransport(this.auth.sign);
  }

  serve(handler: TurnHandler, options: AgentsServeOptions): AgentsServedBot {
    if (this.auth.local) this.log.warn('local mode: channel authentication is off (MicrosoftAppId is empty); do not expose this endpoint');
    else this.log.info({ appType: this.config.microsoftAppType, runtime: 'agents' }, 'channel authentication is on');
    const storage = options.storage ?? new StoreBackedStorage(options.session.documents, { ttlSeconds: options.session.ttlSeconds });
    const env: TurnEnvironment = { session: new SessionState(storage), sign: this.auth.sign, signIn: {} };
    const turnOf = (context: TurnContext) => AgentsTurn.of(context, env);
    const connections: [SignInKind, string | undefined][] = [
      ['learning', options.oauthConnectionName],
      ['university', options.universityOauthConnectionName],
    ];
    if (connections.some(([, name]) => name)) {
      // The token service's client (at the Bot Framework's address, as botbuilder's), made once; it fetches the app's token when first used.
      const tokens = lazy(UserTokenClient.createClientWithScope(BOT_FRAMEWORK_SCOPE, this.auth.tokens, BOT_FRAMEWORK_SCOPE));
      for (const [kind, name] of connections) {
        if (!name) continue;
        env.signIn[kind] = new SignIn(kind, name, this.config.microsoftAppId, tokens, {
          prompt: (turn) => handler.signInPrompt(turn, kind),
          signedIn: (turn, token) => handler.signedIn(turn, token, kind),
        });
      }
    }
    const events = new AgentsEvents(handler, turnOf);
    const logic = (context: TurnContext) => events.run(context);
    const adapter = new AgentsAdapter(this.auth.sign);
    const endpoint = agentsEndpoint({ adapter, auth: this.auth, logic, log: this.log, refuse: options.refuse, turnErrorMessage: options.turnErrorMessage });
    return { process: (activity, headers) => endpoint.process(activity, headers), adapter, logic };
  }
}

/** The client once made (createClientWithScope is async only by signature). */
function lazy(made: Promise<UserTokenClient>): Pick<UserTokenClient, 'getUserToken' | 'getSignInResource' | 'exchangeTokenAsync'> {
  return {
    getUserToken: async (...args) => (await made).getUserToken(...args),
    getSignInResource: async (...args) => (await made).getSignInResource(...args),
    exchangeTokenAsync: async (...args) => (await made).exchangeTokenAsync(...args),
  };
}
