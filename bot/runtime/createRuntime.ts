import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { BotbuilderRuntime } from './botbuilder/botbuilderRuntime';
import type { BotRuntime } from './turn';

/** The runtime CertLink runs on: botbuilder (the only one so far). */
export function createRuntime(config: AppConfig, log: Logger): BotRuntime {
  return new BotbuilderRuntime(config, log);
}
