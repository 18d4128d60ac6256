/** How a certification reads and when it stops counting, the same on cards, in tabs and in the report. */
import { Certification } from './types';

/** Expired at `at`: its expiry day has begun (UTC), as the skills report counts it (reportIndexListener). */
export function isExpired(c: Certification, at: Date): boolean {
  return c.expiresOn !== undefined && Date.parse(c.expiresOn) < at.getTime();
}

/**
 * The title without the exam number Partner Center puts in front of it ("Exam AZ-204: Developing
 * Solutions for Microsoft Azure"), for places that already show the number beside it.
 */
export function titleBesideNumber(c: Pick<Certification, 'number' | 'title'>): string {
  const prefix = new RegExp(`^(exam|examen)\\s+${escapeRegExp(c.number)}\\s*:\\s*`, 'i');
  const rest = c.title.replace(prefix, '');
  return rest === '' ? c.title : rest;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
