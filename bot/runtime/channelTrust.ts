/** What any runtime needs to authenticate channel requests and sign its own, from AppConfig. */
import type { AppConfig } from '../config';

export type AuthSettings = Pick<AppConfig, 'microsoftAppId' | 'microsoftAppPassword' | 'microsoftAppType' | 'microsoftAppTenantId'>;

/**
 * Where channel tokens are checked against: the OpenID configuration (and so the signing keys)
 * and the issuer. Unset = Bot Framework's public cloud. Tests point it at a local key set to prove
 * the 401s with real signed tokens.
 */
export interface ChannelTrust {
  openIdMetadataUrl: string;
  tokenIssuer: string;
}
