/**
 * Builds the CloudAdapter from the standard Bot Framework settings in AppConfig.
 *
 * With an empty MicrosoftAppId botbuilder switches channel authentication off: it accepts
 * requests without a token and sends replies without one. That is what local tools
 * (Agents Playground, the tests' connector stand-in) need, and it must never happen by
 * accident in production, hence the warning at start.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';

type AuthSettings = Pick<
  AppConfig,
  'microsoftAppId' | 'microsoftAppPassword' | 'microsoftAppType' | 'microsoftAppTenantId'
>;

export function createBotFrameworkAuthentication(config: AuthSettings): ConfigurationBotFrameworkAuthentication {
  // ConfigurationBotFrameworkAuthentication reads these exact keys (and builds the
  // password/tenant credentials factory from the same object).
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
  });
}

export function createCloudAdapter(config: AuthSettings, log: Logger): CloudAdapter {
  // Same test as isLocalMode() in config.ts, on the auth subset only.
  if (config.microsoftAppId === '') {
    log.warn('local mode: channel authentication is off (MicrosoftAppId is empty); do not expose this endpoint');
  } else {
    log.info({ appType: config.microsoftAppType }, 'channel authentication is on');
  }
  return new CloudAdapter(createBotFrameworkAuthentication(config));
}
