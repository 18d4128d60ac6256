/**
 * A clock that reads the time from a file on every call, so a test driver can
 * move several bot processes through days at once (CERTLINK_FAKE_CLOCK_FILE,
 * local mode only). An unreadable or empty file means the real time.
 */
import { readFileSync } from 'node:fs';
import { Clock } from '../services/clock';

export class FileClock implements Clock {
  constructor(private readonly file: string) {}

  now(): Date {
    let text = '';
    try {
      text = readFileSync(this.file, 'utf8').trim();
    } catch {
      return new Date();
    }
    const at = new Date(text);
    return text && !Number.isNaN(at.getTime()) ? at : new Date();
  }
}
