import { ConfigError, DEFAULT_PORT, Env, int, str } from './parse';

/** What `npm run package` fills into manifest/manifest.json. */
export interface PackageConfig {
  /** The bot's Entra app id (MicrosoftAppId); also the SSO app of the tabs. */
  botId: string;
  /** The Teams app id (TEAMS_APP_ID); defaults to the bot id. */
  teamsAppId: string;
  /** Where Teams loads the tabs from (PUBLIC_BASE_URL), no trailing slash. */
  baseUrl: string;
  /** Host (and port, if any) of baseUrl: validDomains and the SSO resource. */
  domain: string;
  /** True when no MicrosoftAppId is set: the package uses a placeholder id and only serves for validation. */
  placeholderIds: boolean;
  /** The publisher's Microsoft Partner Network id (Partner Center's Partner ID) shown as developer.mpnId; null = not shown. */
  mpnId: string | null;
}

/** A GUID that is obviously not a real app: packages built without MicrosoftAppId validate but cannot be installed. */
export const PLACEHOLDER_APP_ID = '00000000-0000-4000-8000-000000000000';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function loadPackageConfig(env: Env = process.env): PackageConfig {
  const appId = str(env, 'MicrosoftAppId');
  if (appId && !GUID.test(appId)) throw new ConfigError(`MicrosoftAppId must be a GUID to build the Teams package (got "${appId}")`);
  const teamsAppId = str(env, 'TEAMS_APP_ID') || appId || PLACEHOLDER_APP_ID;
  if (!GUID.test(teamsAppId)) throw new ConfigError(`TEAMS_APP_ID must be a GUID (got "${teamsAppId}")`);
  const baseUrl = (str(env, 'PUBLIC_BASE_URL') || `http://localhost:${int(env, 'PORT', DEFAULT_PORT, 0, 65535)}`).replace(/\/+$/, '');
  let domain: string;
  try {
    domain = new URL(baseUrl).host;
  } catch {
    throw new ConfigError(`PUBLIC_BASE_URL must be an http(s) URL (got "${baseUrl}")`);
  }
  const mpnId = str(env, 'DEVELOPER_MPN_ID');
  // The manifest schema allows 10 characters; Partner Center's ids are digits.
  if (mpnId && !/^\d{1,10}$/.test(mpnId)) throw new ConfigError(`DEVELOPER_MPN_ID must be your Partner ID, up to 10 digits (got "${mpnId}")`);
  return { botId: appId || PLACEHOLDER_APP_ID, teamsAppId, baseUrl, domain, placeholderIds: !appId, mpnId: mpnId || null };
}
