import path from 'node:path';
import { RateLimitSettings } from '../../services/limits/personRateLimiter';
import { parseClusterNodes, redactCredentials } from '../../services/redis/redisConnection';
import { ConfigError, Env, int, str } from './parse';

/** Settings for operations: Cluster, rate limits, the test clock, shutdown. */
export interface OperationsConfig {
  /** "host:port,…" of Redis Cluster nodes, or rediss://:password@host:port URLs (a secret then); when set, used instead of REDIS_URL. */
  redisClusterNodes: string | null;
  /** Per-person limits on link attempts and admin commands (0 = off). */
  rateLimits: RateLimitSettings;
  /** Local mode only: the bot's clock reads an ISO time from this file (reliability scenarios travel in time). */
  fakeClockFile: string | null;
  /** How long a stopping process waits for turns in flight before closing anyway. */
  shutdownTimeoutSeconds: number;
}

export function operationsSettings(env: Env): OperationsConfig {
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
