/**
 * A clock that reads the time from a file on every call, so a test driver can
 * move several bot processes through days at once (CERTLINK_FAKE_CLOCK_FILE,
 * local mode only). An unreadable or empty file means the real time.
 */
import { readFileSync } from 'node:fs';
import { Clock, systemClock } from '../services/clock';
import { AppConfig, isLocalMode } from './config';
import type { Logger } from './logging';

export class FileClock implements Clock {
  constructor(private readonly file: string) {}

  now(): Date {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8').trim();
    } catch {
      return new Date();
    }
    const at = new Date(text);
    return text && !Number.isNaN(at.getTime()) ? at : new Date();
  }
}

/** The bot's clock: the file's in local mode when CERTLINK_FAKE_CLOCK_FILE is set, the system's otherwise. */
export function clockFor(config: AppConfig, log: Logger): Clock {
  if (config.fakeClockFile && isLocalMode(config)) {
    log.warn({ file: config.fakeClockFile }, 'CERTLINK_FAKE_CLOCK_FILE is set: the bot reads the time from a file (test runs only)');
    return new FileClock(config.fakeClockFile);
  }
  return systemClock;
}
