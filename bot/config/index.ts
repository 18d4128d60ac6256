/**
 * The one place that reads the environment. Everything is validated at start;
 * a bad value stops the process with a message naming the variable.
 * Every setting is documented in .env.sample. Each group of settings has its own module here.
 */
import { AssociationLimits, LIMIT_WINDOW_KINDS } from '../../services/association/types';
import { DownloadConfig, downloadSettings } from './downloads';
import { MetricsConfig, metricsSettings } from './metrics';
import { NoticeConfig, noticeSettings, RenewalConfig, renewalSettings } from './notices';
import { OperationsConfig, operationsSettings } from './operations';
import { bool, ConfigError, DEFAULT_PORT, Env, file, int, oneOf, str } from './parse';
import { logHashKey, PrivacyConfig, privacySettings } from './privacy';

export { ConfigError, DEFAULT_PORT } from './parse';
export type { Env } from './parse';
export type { DownloadConfig } from './downloads';
export { DEFAULT_METRICS_PORT } from './metrics';
export type { MetricsConfig } from './metrics';
export type { NoticeConfig, RenewalConfig } from './notices';
export type { OperationsConfig } from './operations';
export type { PrivacyConfig } from './privacy';
export { loadPackageConfig, PLACEHOLDER_APP_ID } from './package';
export type { PackageConfig } from './package';

export interface AppConfig extends DownloadConfig, OperationsConfig {
  port: number;
  /** Standard Bot Framework settings; an empty app id means local mode without channel authentication. */
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  microsoftAppTenantId: string;
  /** The SDK that carries turns (BOT_RUNTIME): botbuilder (default) or the Microsoft 365 Agents SDK. */
  botRuntime: 'botbuilder' | 'agents';
  /** Unset: the embedded in-memory store (nothing survives a restart). */
  redisUrl: string | null;
  /** Prefix of every Redis key, so several deployments (or tests) can share one Redis. */
  redisKeyPrefix: string;
  /** Conversation and user state untouched this long is forgotten; 0 = kept forever. */
  sessionStateTtlDays: number;
  orgsFile: string;
  profilesFile: string;
  /** Azure Bot OAuth connection for "sign in with another Microsoft Learning account"; empty = not offered. */
  oauthConnectionName: string;
  /** Azure Bot OAuth connection for the Partner University account's own sign-in; empty = Partner University not offered. */
  universityOauthConnectionName: string;
  /** Channels whose activities are served: msteams, plus emulator when ALLOW_EMULATOR_CHANNEL=true (local mode only). */
  servedChannels: string[];
  limits: AssociationLimits;
  logLevel: string;
  /** V8's allocation-site pretenuring (V8_PRETENURING, default false): see bot/runtimeTuning.ts. */
  v8Pretenuring: boolean;
  /** Key of the user hashes in logs (LOG_HASH_KEY); null = a random key per process. */
  logHashKey: string | null;
  notices: NoticeConfig;
  renewals: RenewalConfig;
  privacy: PrivacyConfig;
  metrics: MetricsConfig;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const redisUrl = str(env, 'REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss:// (got "${redisUrl}")`);
  }
  const redisKeyPrefix = str(env, 'REDIS_KEY_PREFIX', 'certlink:');
  if (!redisKeyPrefix || /[{}\s]/.test(redisKeyPrefix)) {
    // A brace would change the Redis Cluster hash slot of every key.
    throw new ConfigError(`REDIS_KEY_PREFIX must be non-empty, without braces or spaces (got "${redisKeyPrefix}")`);
  }
  const microsoftAppType = oneOf(env, 'MicrosoftAppType', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const, 'MultiTenant');
  const microsoftAppTenantId = str(env, 'MicrosoftAppTenantId');
  if (microsoftAppType === 'SingleTenant' && !microsoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant');
  }
  const port = int(env, 'PORT', DEFAULT_PORT, 0, 65535);
  const download = downloadSettings(env, port);
  const limits: AssociationLimits = {
    maxPerWindow: int(env, 'LIMIT_MAX_PER_WINDOW', 3, 1, 100),
    windowDays: int(env, 'LIMIT_WINDOW_DAYS', 365, 1, 3660),
    windowKind: oneOf(env, 'LIMIT_WINDOW_KIND', LIMIT_WINDOW_KINDS, 'year'),
    cooldownDays: int(env, 'LIMIT_COOLDOWN_DAYS', 30, 0, 365),
  };
  const operations = operationsSettings(env);
  const allowEmulator = bool(env, 'ALLOW_EMULATOR_CHANNEL', false);
  if (allowEmulator && str(env, 'MicrosoftAppId')) {
    // The Emulator's client chooses who it is; only a local bot without channel authentication may listen to it.
    throw new ConfigError('ALLOW_EMULATOR_CHANNEL is for local mode only and cannot be used with a MicrosoftAppId');
  }
  return {
    port,
    microsoftAppId: str(env, 'MicrosoftAppId'),
    microsoftAppPassword: str(env, 'MicrosoftAppPassword'),
    microsoftAppType,
    microsoftAppTenantId,
    botRuntime: oneOf(env, 'BOT_RUNTIME', ['botbuilder', 'agents'] as const, 'botbuilder'),
    redisUrl: redisUrl || null,
    redisKeyPrefix,
    sessionStateTtlDays: int(env, 'SESSION_STATE_TTL_DAYS', 30, 0, 3650),
    orgsFile: file(env, 'ORGS_FILE', 'data/orgs.sample.json'),
    profilesFile: file(env, 'PROFILES_FILE', 'data/profiles.sample.json'),
    oauthConnectionName: str(env, 'OAUTH_CONNECTION_NAME'),
    universityOauthConnectionName: str(env, 'UNIVERSITY_OAUTH_CONNECTION_NAME'),
    servedChannels: allowEmulator ? ['msteams', 'emulator'] : ['msteams'],
    limits,
    privacy: privacySettings(env, limits),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    logHashKey: logHashKey(env),
    v8Pretenuring: bool(env, 'V8_PRETENURING', false),
    notices: noticeSettings(env),
    renewals: renewalSettings(env),
    metrics: metricsSettings(env),
    ...download,
    ...operations,
  };
}

export function isLocalMode(config: AppConfig): boolean {
  return config.microsoftAppId === '';
}
