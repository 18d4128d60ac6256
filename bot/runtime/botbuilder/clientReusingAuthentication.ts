/**
 * botbuilder's ConfigurationBotFrameworkAuthentication, except that the connector client and the
 * user-token client a turn gets are made once per bot app id and service URL and then reused.
 *
 * Why: CloudAdapter asks for a new connector client and a new user-token client on every turn,
 * and each builds its own HTTP pipeline (policies, serializer, credentials): CPU on every turn,
 * whether or not the turn calls the connector, and more garbage to collect (docs/SCALING.md).
 * Both clients are stateless between requests and their credentials fetch and refresh the token
 * themselves, so one client serves every turn; the older BotFrameworkAdapter kept them the same way,
 * and so does CertLink's notice transport.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type Auth = ConfigurationBotFrameworkAuthentication;
type ClaimsIdentityOf = Parameters<Auth['createConnectorFactory']>[0];
type ConnectorFactoryOf = ReturnType<Auth['createConnectorFactory']>;
type ConnectorClientOf = Awaited<ReturnType<ConnectorFactoryOf['create']>>;
type UserTokenClientOf = Awaited<ReturnType<Auth['createUserTokenClient']>>;
type AuthenticateResult = Awaited<ReturnType<Auth['authenticateRequest']>>;

/** Service URLs are few (one per Teams region); the bound only stops a flood of made-up ones in local mode. */
const MAX_CLIENTS = 64;

export class ClientReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClientOf>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClientOf>>();

  override async authenticateRequest(activity: Parameters<Auth['authenticateRequest']>[0], authHeader: string): Promise<AuthenticateResult> {
    return this.withReusing(await super.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateResult> {
    return this.withReusing(await super.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentityOf): ConnectorFactoryOf {
    return this.reusing(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentityOf): Promise<UserTokenClientOf> {
    return remember(this.tokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private withReusing(result: AuthenticateResult): AuthenticateResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, appIdOf(result.claimsIdentity)) };
  }

  private reusing(factory: ConnectorFactoryOf, appId: string): ConnectorFactoryOf {
    const connectors = this.connectors;
    return {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClientOf> {
        return remember(connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience));
      },
    };
  }
}

/** The app id the SDK's own factories read from the claims: the audience, else the appid claim ('' in local mode). */
function appIdOf(claimsIdentity: ClaimsIdentityOf): string {
  return claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
}

/** The cached promise, or a new one; a failed one is forgotten so the next turn tries again. */
function remember<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  if (cache.size >= MAX_CLIENTS) cache.delete(cache.keys().next().value as string);
  const made = make();
  cache.set(key, made);
  made.catch(() => {
    if (cache.get(key) === made) cache.delete(key);
  });
  return made;
}
