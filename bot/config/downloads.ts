import { randomBytes } from 'node:crypto';
import { ConfigError, Env, str } from './parse';

/** Signed report and audit download links. */
export interface DownloadConfig {
  /** HMAC secret for report and audit download links; required with a MicrosoftAppId. */
  downloadSigningSecret: string;
  /** True when no secret was set in local mode and a random one was made for this process: log a warning at start. */
  downloadSigningSecretGenerated: boolean;
  /** Where browsers reach this bot, for download links (no trailing slash). */
  publicBaseUrl: string;
}

/**
 * Download links are signed with DOWNLOAD_SIGNING_SECRET. In local mode a
 * random secret per process is acceptable (links die with the process); with
 * a MicrosoftAppId it must be set, the same on every bot process.
 */
export function downloadSettings(env: Env, port: number): DownloadConfig {
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
