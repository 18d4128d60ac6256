/**
 * Builds botbuilder's CloudAdapter, and CertLink's, from the standard Bot Framework settings in AppConfig.
 *
 * With an empty MicrosoftAppId botbuilder switches channel authentication off: it accepts
 * requests without a token and sends replies without one. That is what local tools
 * (Agents Playground, the tests' connector stand-in) need, and it must never happen by
 * accident in production, hence the warning at start.
 */
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config';
import { ClientReusingAuthentication } from './clientReusingAuthentication';
import { DirectReplyAdapter } from './directReplyAdapter';

/** Bot Framework public-cloud endpoints (botframework-connector's AuthenticationConstants, not re-exported by botbuilder). */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
};

export type AuthSettings = Pick<AppConfig, 'microsoftAppId' | 'microsoftAppPassword' | 'microsoftAppType' | 'microsoftAppTenantId'>;

/**
 * Where channel tokens are checked against: the OpenID configuration (and so the
 * signing keys) and the issuer. Unset = Bot Framework's public cloud. Tests point
 * it at a local OpenID document to prove the 401s with real signed tokens.
 */
export interface ChannelTrust {
  openIdMetadataUrl: string;
  tokenIssuer: string;
}

/** ConfigurationBotFrameworkAuthentication itself, or a subclass with its constructor (CertLink's reuses the SDK clients). */
type AuthenticationClass = new (...args: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>) => ConfigurationBotFrameworkAuthentication;

export function createBotFrameworkAuthentication(config: AuthSettings, trust?: ChannelTrust, Authentication: AuthenticationClass = ConfigurationBotFrameworkAuthentication): ConfigurationBotFrameworkAuthentication {
  // ConfigurationBotFrameworkAuthentication reads these exact keys (and builds the
  // password/tenant credentials factory from the same object).
  const credentials = {
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
  };
  if (!trust) return new Authentication(credentials);
  // Setting any of these switches botbuilder to "all parameters given": the public cloud's values for the rest.
  return new Authentication({
    ...credentials,
    ValidateAuthority: true,
    ...PUBLIC_CLOUD,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ToBotFromChannelOpenIdMetadataUrl: trust.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: trust.tokenIssuer,
  });
}

/** botbuilder's own CloudAdapter, as it comes: the bench's echo bot, the yardstick CertLink is measured against. */
export function createCloudAdapter(config: AuthSettings, log: Logger, trust?: ChannelTrust): CloudAdapter {
  warnIfLocal(config, log);
  return new CloudAdapter(createBotFrameworkAuthentication(config, trust));
}

/**
 * CertLink's adapter: botbuilder's, with its replies posted straight to the connector
 * (DirectReplyAdapter) and the SDK's clients made once, not per turn (ClientReusingAuthentication).
 */
export function createCertLinkAdapter(config: AuthSettings, log: Logger, trust?: ChannelTrust): CloudAdapter {
  warnIfLocal(config, log);
  return new DirectReplyAdapter(createBotFrameworkAuthentication(config, trust, ClientReusingAuthentication));
}

function warnIfLocal(config: AuthSettings, log: Logger): void {
  // Same test as isLocalMode() in bot/config/, on the auth subset only.
  if (config.microsoftAppId === '') {
    log.warn('local mode: channel authentication is off (MicrosoftAppId is empty); do not expose this endpoint');
  } else {
    log.info({ appType: config.microsoftAppType }, 'channel authentication is on');
  }
}
