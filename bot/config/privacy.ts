import { randomBytes } from 'node:crypto';
import { AssociationLimits } from '../../services/association/types';
import { DEFAULT_AUDIT_RETENTION_DAYS, defaultRetention, minimumStartRetentionDays } from '../../services/privacy/retention';
import { ConfigError, Env, int, str } from './parse';

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

/**
 * The hash secret must stay the same for as long as pseudonymized start dates
 * are kept: a new secret would make an erased MCID unrecognisable, and the
 * abuse limits would forget its starts. Hence required outside local mode.
 */
export function privacySettings(env: Env, limits: AssociationLimits): PrivacyConfig {
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
 * Logs name people only by a keyed hash of their user id. Optional: without it each process
 * draws its own key, so the logs still hold no personal data but one person's hash differs
 * from one bot process (or restart) to the next.
 */
export function logHashKey(env: Env): string | null {
  const key = str(env, 'LOG_HASH_KEY');
  if (key && key.length < 16) throw new ConfigError('LOG_HASH_KEY must be at least 16 characters');
  return key || null;
}
