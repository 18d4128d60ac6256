import { Stores } from '../services/storeFactory';
import { AppConfig, isLocalMode } from './config';
import { Logger, useUserHashKey } from './logging';

/** At start: the key of the user hashes in logs, and what an operator is told about settings left to their defaults. */
export function warnAtStart(config: AppConfig, stores: Stores, log: Logger): void {
  if (stores.kind === 'memory') log.warn('REDIS_URL is not set: using the embedded in-memory store. Data will NOT survive a restart.');
  if (config.privacy.hashSecretGenerated) {
    log.warn('PRIVACY_HASH_SECRET is not set: erased MCIDs are hashed with a random secret, so after a restart the abuse limits no longer recognise an erased MCID.');
  }
  if (config.logHashKey) useUserHashKey(config.logHashKey);
  else if (!isLocalMode(config)) {
    log.warn('LOG_HASH_KEY is not set: each bot process hashes user ids in its logs with its own random key, so one person cannot be followed across processes or restarts.');
  }
  if (config.downloadSigningSecretGenerated) {
    log.warn('DOWNLOAD_SIGNING_SECRET is not set: download links are signed with a random secret and stop working at restart.');
  }
}
