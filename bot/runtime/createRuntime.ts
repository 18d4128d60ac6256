import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { AgentsRuntime } from './agents/agentsRuntime';
import { BotbuilderRuntime } from './botbuilder/botbuilderRuntime';
import type { BotRuntime } from './turn';

/** The runtime CertLink runs on (BOT_RUNTIME): botbuilder by default, or the Microsoft 365 Agents SDK. */
export function createRuntime(config: AppConfig, log: Logger): BotRuntime {
  return config.botRuntime === 'agents' ? new AgentsRuntime(config, log) : new BotbuilderRuntime(config, log);
}
