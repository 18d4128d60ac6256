/**
 * The one place that reads the environment. Everything is validated at start;
 * a bad value stops the process with a message naming the variable.
 * Every setting is documented in .env.sample.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AssociationLimits, LIMIT_WINDOW_KINDS } from '../services/association/types';
import { DEFAULT_AUDIT_RETENTION_DAYS, defaultRetention, minimumStartRetentionDays } from '../services/privacy/retention';
import { RateLimitSettings } from '../services/limits/personRateLimiter';
import { parseClusterNodes, redactCredentials } from '../services/redis/redisConnection';

export interface AppConfig {
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
  /** HMAC secret for report and audit download links; required with a MicrosoftAppId. */
  downloadSigningSecret: string;
  /** True when no secret was set in local mode and a random one was made for this process: log a warning at start. */
  downloadSigningSecretGenerated: boolean;
  /** Where browsers reach this bot, for download links (no trailing slash). */
  publicBaseUrl: string;
  /** "host:port,…" of Redis Cluster nodes, or rediss://:password@host:port URLs (a secret then); when set, used instead of REDIS_URL. */
  redisClusterNodes: string | null;
  /** Per-person limits on link attempts and admin commands (0 = off). */
  rateLimits: RateLimitSettings;
  /** Local mode only: the bot's clock reads an ISO time from this file (reliability scenarios travel in time). */
  fakeClockFile: string | null;
  /** How long a stopping process waits for turns in flight before closing anyway. */
  shutdownTimeoutSeconds: number;
  notices: NoticeConfig;
  renewals: RenewalConfig;
  privacy: PrivacyConfig;
  metrics: MetricsConfig;
}

/** GET /metrics on a listener of its own (bot/http/metricsListener.ts), never on the public port. */
export interface MetricsConfig {
  /** Address it binds (METRICS_HOST, default 127.0.0.1: the host itself only). */
  host: string;
  /** Its port (METRICS_PORT, default 9464; 0 = any free port). */
  port: number;
  /** True when METRICS_PORT was set: a port already taken then stops the bot instead of a warning. */
  portExplicit: boolean;
  /** Bearer token a scrape must send (METRICS_TOKEN); required when the host is not a loopback address. */
  token: string | null;
}

/** Privacy: erasure pseudonyms and retention (services/privacy, PRIVACY.md). */
export interface PrivacyConfig {
  /** HMAC secret of the keyed hashes that replace an erased person's MCID and user id; required with a MicrosoftAppId. */
  hashSecret: string;
  /** True when no secret was set in local mode and a random one was made: log a warning at start. */
  hashSecretGenerated: boolean;
  /** Days start dates are kept after the latest start (default: limit window + 30). */
  startRetentionDays: number;
  /** Days audit entries are kept (default 730). */
  auditRetentionDays: number;
  /** Hours between two audit retention sweeps. */
  sweepIntervalHours: number;
}

/** Proactive notices (services/notices, bot/proactive). */
export interface NoticeConfig {
  /** Proactive sends per second per tenant from one process (Teams allows 50 per app per tenant). */
  tenantRatePerSecond: number;
  /** Run the notice workers inside the bot process; false when `npm run worker` processes run them. */
  runWorkers: boolean;
  /** Notices one worker process handles at once. */
  workerConcurrency: number;
  /** How long a worker owns a notice it is sending before another may take over (exactly-once claim). */
  claimTtlSeconds: number;
}

/** Renewal reminders (services/renewals): when a certification's free renewal on Microsoft Learn is announced. */
export interface RenewalConfig {
  /** Days before expiry the renewal window opens: the first reminder (RENEWAL_WINDOW_DAYS, default 180). */
  windowDays: number;
  /** Days before expiry of the second, last reminder (RENEWAL_LAST_CALL_DAYS, default 30); less than windowDays. */
  lastCallDays: number;
}

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const repoRoot = path.resolve(__dirname, '..', '..');

/** Port of the HTTP server when PORT is unset (also the container's EXPOSE). */
export const DEFAULT_PORT = 3978;

/** Port of the metrics listener when METRICS_PORT is unset (the usual port of a Prometheus exporter). */
export const DEFAULT_METRICS_PORT = 9464;

function str(env: Env, name: string, fallback = ''): string {
  return (env[name] ?? fallback).trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return n;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = str(env, name, fallback);
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name).toLowerCase();
  if (raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function file(env: Env, name: string, fallback: string): string {
  const raw = str(env, name);
  return raw ? path.resolve(raw) : path.join(repoRoot, fallback);
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
  const reliability = reliabilitySettings(env);
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
    notices: {
      tenantRatePerSecond: int(env, 'NOTICE_TENANT_RATE_PER_SECOND', 50, 1, 10_000),
      runWorkers: bool(env, 'RUN_NOTICE_WORKERS', true),
      workerConcurrency: int(env, 'NOTICE_WORKER_CONCURRENCY', 50, 1, 1000),
      claimTtlSeconds: int(env, 'NOTICE_CLAIM_TTL_SECONDS', 600, 5, 86_400),
    },
    renewals: renewalSettings(env),
    metrics: metricsSettings(env),
    ...download,
    ...reliability,
  };
}

function renewalSettings(env: Env): RenewalConfig {
  const windowDays = int(env, 'RENEWAL_WINDOW_DAYS', 180, 1, 365);
  const lastCallDays = int(env, 'RENEWAL_LAST_CALL_DAYS', 30, 1, 364);
  // The last call comes after the first reminder, or there would be no "first".
  if (lastCallDays >= windowDays) throw new ConfigError(`RENEWAL_LAST_CALL_DAYS (${lastCallDays}) must be less than RENEWAL_WINDOW_DAYS (${windowDays})`);
  return { windowDays, lastCallDays };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * /metrics tells anyone who reads it how busy each feature is and how the store behaves: served
 * to the host itself by default, and beyond it only with a token.
 */
function metricsSettings(env: Env): MetricsConfig {
  const host = str(env, 'METRICS_HOST', '127.0.0.1') || '127.0.0.1';
  const token = str(env, 'METRICS_TOKEN');
  if (token && token.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  if (!token && !LOOPBACK.has(host.toLowerCase())) {
    throw new ConfigError(`METRICS_TOKEN is required when METRICS_HOST is not a loopback address (got "${host}"): anyone who can reach that address could read /metrics`);
  }
  return { host, port: int(env, 'METRICS_PORT', DEFAULT_METRICS_PORT, 0, 65535), portExplicit: str(env, 'METRICS_PORT') !== '', token: token || null };
}

/** Settings for operations: Cluster, rate limits, the test clock, shutdown. */
function reliabilitySettings(env: Env): Pick<AppConfig, 'redisClusterNodes' | 'rateLimits' | 'fakeClockFile' | 'shutdownTimeoutSeconds'> {
  const clusterNodes = str(env, 'REDIS_CLUSTER_NODES');
  if (clusterNodes) {
    try {
      if (parseClusterNodes(clusterNodes).nodes.length === 0) throw new Error('no node');
    } catch {
      // The URL form holds the access key: never echo it.
      throw new ConfigError(`REDIS_CLUSTER_NODES must be host:port[,host:port…] or redis[s]://[:password@]host:port URLs sharing one password (got "${redactCredentials(clusterNodes)}")`);
    }
  }
  const fakeClockFile = str(env, 'CERTLINK_FAKE_CLOCK_FILE');
  if (fakeClockFile && str(env, 'MicrosoftAppId')) {
    // A clock anyone with file access can move would let them skip the 30-day rule.
    throw new ConfigError('CERTLINK_FAKE_CLOCK_FILE is for local test runs only and cannot be used with a MicrosoftAppId');
  }
  return {
    redisClusterNodes: clusterNodes || null,
    rateLimits: {
      linkAttempts: int(env, 'RATE_LIMIT_LINK_ATTEMPTS', 10, 0, 1_000_000),
      adminCommands: int(env, 'RATE_LIMIT_ADMIN_COMMANDS', 30, 0, 1_000_000),
      windowSeconds: int(env, 'RATE_LIMIT_WINDOW_SECONDS', 600, 1, 86400),
    },
    fakeClockFile: fakeClockFile ? path.resolve(fakeClockFile) : null,
    shutdownTimeoutSeconds: int(env, 'SHUTDOWN_TIMEOUT_SECONDS', 20, 0, 600),
  };
}

/**
 * Logs name people only by a keyed hash of their user id. Optional: without it each process
 * draws its own key, so the logs still hold no personal data but one person's hash differs
 * from one bot process (or restart) to the next.
 */
function logHashKey(env: Env): string | null {
  const key = str(env, 'LOG_HASH_KEY');
  if (key && key.length < 16) throw new ConfigError('LOG_HASH_KEY must be at least 16 characters');
  return key || null;
}

/**
 * The hash secret must stay the same for as long as pseudonymized start dates
 * are kept: a new secret would make an erased MCID unrecognisable, and the
 * abuse limits would forget its starts. Hence required outside local mode.
 */
function privacySettings(env: Env, limits: AssociationLimits): PrivacyConfig {
  const secret = str(env, 'PRIVACY_HASH_SECRET');
  if (secret && secret.length < 32) throw new ConfigError('PRIVACY_HASH_SECRET must be at least 32 characters');
  if (!secret && str(env, 'MicrosoftAppId')) {
    throw new ConfigError('PRIVACY_HASH_SECRET is required when MicrosoftAppId is set (e.g. openssl rand -base64 48); keep it for as long as the data it protects');
  }
  const minimum = minimumStartRetentionDays(limits);
  const startRetentionDays = int(env, 'PRIVACY_START_RETENTION_DAYS', defaultRetention(limits).startRetentionDays, 1, 36_500);
  if (startRetentionDays < minimum) {
    throw new ConfigError(`PRIVACY_START_RETENTION_DAYS must be at least ${minimum} (the limit window), or the abuse limits would forget starts they count (got ${startRetentionDays})`);
  }
  return {
    hashSecret: secret || randomBytes(48).toString('base64url'),
    hashSecretGenerated: !secret,
    startRetentionDays,
    auditRetentionDays: int(env, 'AUDIT_RETENTION_DAYS', DEFAULT_AUDIT_RETENTION_DAYS, 1, 36_500),
    sweepIntervalHours: int(env, 'PRIVACY_SWEEP_INTERVAL_HOURS', 24, 1, 24 * 30),
  };
}

/**
 * Download links are signed with DOWNLOAD_SIGNING_SECRET. In local mode a
 * random secret per process is acceptable (links die with the process); with
 * a MicrosoftAppId it must be set, the same on every bot process.
 */
function downloadSettings(env: Env, port: number): Pick<AppConfig, 'downloadSigningSecret' | 'downloadSigningSecretGenerated' | 'publicBaseUrl'> {
  const secret = str(env, 'DOWNLOAD_SIGNING_SECRET');
  if (secret && secret.length < 32) throw new ConfigError('DOWNLOAD_SIGNING_SECRET must be at least 32 characters');
  if (!secret && str(env, 'MicrosoftAppId')) {
    throw new ConfigError('DOWNLOAD_SIGNING_SECRET is required when MicrosoftAppId is set (e.g. openssl rand -base64 48)');
  }
  const publicBaseUrl = (str(env, 'PUBLIC_BASE_URL') || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(publicBaseUrl)) {
    throw new ConfigError(`PUBLIC_BASE_URL must be an http(s) URL (got "${publicBaseUrl}")`);
  }
  return {
    downloadSigningSecret: secret || randomBytes(48).toString('base64url'),
    downloadSigningSecretGenerated: !secret,
    publicBaseUrl,
  };
}

export function isLocalMode(config: AppConfig): boolean {
  return config.microsoftAppId === '';
}

/** What `npm run package` fills into appPackage/manifest.json. */
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
