/**
 * Channel authentication on the Agents SDK: its JWT middleware (authorizeJWT) checks the token's
 * signature against the channel's published keys, its audience (the app id), its expiry and its
 * issuer; then the token's serviceurl claim must be the activity's serviceUrl, as botbuilder
 * requires of a channel token (the SDK compares hosts only, and answers 400). Both answer 401.
 *
 * With an empty MicrosoftAppId, as on botbuilder, channel authentication is off: a request
 * without a token is taken as anonymous whatever NODE_ENV says (the SDK refuses that in
 * production), and replies are sent without a token.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { AuthConfiguration, authorizeJWT, MsalTokenProvider } from '@microsoft/agents-hosting';
import type { AuthSettings, ChannelTrust } from '../channelTrust';
import type { SignRequest } from '../connector/connectorHttp';

/** Who sent the request, as the token proved it; null in local mode. */
export type ChannelIdentity = Record<string, unknown> | null;

export type Authentication = { identity: ChannelIdentity } | { status: 401; body: unknown };

/** The Bot Framework's audience for tokens the bot sends to the connector and the token service. */
export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

export function authConfiguration(config: AuthSettings, trust?: ChannelTrust): AuthConfiguration {
  const connection: AuthConfiguration = {
    clientId: config.microsoftAppId,
    tenantId: config.microsoftAppTenantId || undefined,
    // UserAssignedMSI: no secret, the SDK then asks the managed identity.
    ...(config.microsoftAppType === 'UserAssignedMSI' ? {} : { clientSecret: config.microsoftAppPassword }),
    // The tests' local key set: keys under its origin, its own issuer (JWKS path as the SDK builds it).
    ...(trust ? { authority: new URL('/', trust.openIdMetadataUrl).href.replace(/\/$/, ''), issuers: [trust.tokenIssuer] } : {}),
    validateIssuer: true,
  };
  return { ...connection, connections: new Map([['serviceConnection', connection]]), connectionsMap: [{ serviceUrl: '*', connection: 'serviceConnection' }] };
}

export class ChannelAuthentication {
  private readonly middleware: ReturnType<typeof authorizeJWT>;
  /** The app's tokens (MSAL, cached and renewed by the SDK). */
  readonly tokens: MsalTokenProvider;
  readonly local: boolean;

  constructor(config: AuthSettings, trust?: ChannelTrust) {
    const auth = authConfiguration(config, trust);
    this.middleware = authorizeJWT(auth);
    this.tokens = new MsalTokenProvider(auth);
    this.local = config.microsoftAppId === '';
  }

  async authenticate(headers: IncomingHttpHeaders, serviceUrl: string | undefined): Promise<Authentication> {
    if (this.local && !headers.authorization) return { identity: null };
    const answer = new MiddlewareAnswer();
    const request: { method: string; headers: IncomingHttpHeaders; user?: Record<string, unknown> } = { method: 'POST', headers };
    let passed = false;
    await this.middleware(request, answer, () => void (passed = true));
    if (!passed) return { status: 401, body: answer.body };
    const identity = request.user ?? null;
    // botbuilder's ChannelValidation: a channel token names the one service URL it may be used for.
    if (identity && serviceUrl && identity['serviceurl'] !== serviceUrl) return { status: 401, body: { 'jwt-auth-error': 'serviceurl claim does not match' } };
    return { identity };
  }

  /** Signs connector calls with the app's token for the Bot Framework (none in local mode); the SDK caches and renews it. */
  readonly sign: SignRequest = async (headers) => {
    if (this.local) return;
    headers.authorization = `Bearer ${await this.tokens.getAccessToken(BOT_FRAMEWORK_SCOPE)}`;
  };
}

/** What the middleware answers when it refuses: status and body, nothing written anywhere. */
class MiddlewareAnswer {
  statusCode = 200;
  body: unknown = undefined;
  headersSent = false;
  writableEnded = false;
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  setHeader(): this {
    return this;
  }
  send(body?: unknown): this {
    this.body = body;
    return this;
  }
  end(): this {
    this.writableEnded = true;
    return this;
  }
}
