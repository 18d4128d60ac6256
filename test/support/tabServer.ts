/**
 * A CertLink server for the tab pages' browser tests: local mode, embedded store, the sample
 * data, and Alice and Benoît of Contoso linked through the service, a month before "now"
 * (1 March 2026, 09:00 UTC); `people`, when given, are linked to Contoso with them.
 */
import type { Browser, Page } from 'playwright-core';
import { RunningApp, startCertLink } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { ManualClock } from '../../services/clock';
import { CertificationProfile } from '../../services/directory/types';
import { freePort } from './freePort';
import { captureLogger } from './httpBotHarness';
import { linkToContoso } from './skillsReportOrg';

export const CONTOSO = '6c1f3c4e-2a5b-4c8d-9e0f-1a2b3c4d5e6f';
export const CONTOSO_ADMIN = '00000000-0000-4000-8000-0000000000a1';
/** ?devUser= values: who the page runs as in local mode. */
export const AS = { alice: `aad-alice;${CONTOSO}`, admin: `${CONTOSO_ADMIN};${CONTOSO}` } as const;

export interface TabServer {
  app: RunningApp;
  base: string;
  close(): Promise<void>;
}

export async function startTabServer(people: readonly CertificationProfile[] = []): Promise<TabServer> {
  const clock = new ManualClock('2026-02-01T10:00:00Z');
  const { log } = captureLogger();
  // Download links are absolute (PUBLIC_BASE_URL), so the port is chosen before start.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await startCertLink(loadConfig({ PORT: String(port), PUBLIC_BASE_URL: base, LOG_LEVEL: 'warn' }), log, { clock });
  await app.services.associations.link('10203040', { mpnId: '1234567', tenantId: CONTOSO, userId: 'aad-alice', proof: 'email' });
  await app.services.associations.link('10204151', { mpnId: '1234567', tenantId: CONTOSO, userId: 'aad-benoit', proof: 'email' });
  await linkToContoso(app, CONTOSO, people);
  clock.set('2026-03-01T09:00:00Z');
  return { app, base, close: () => app.close() };
}

export interface OpenTab {
  devUser?: string;
  theme?: 'default' | 'dark' | 'contrast';
  locale?: string;
  width?: number;
}

/**
 * Opens a tab page as Teams would give it its theme and locale (through the page's ?theme= and
 * ?locale= in local mode, read where the Teams context would be) and waits until it is drawn:
 * in a new page of `on` when it is the browser, or in `on` itself when it is a page (faster).
 * Nothing is fetched from outside the server. Fails on a script error.
 */
export async function openTab(on: Browser | Page, server: TabServer, file: string, o: OpenTab = {}): Promise<Page> {
  const page = 'newPage' in on ? await on.newPage({ viewport: { width: o.width ?? 1100, height: 760 }, locale: o.locale ?? 'en-US', timezoneId: 'Europe/Paris', acceptDownloads: true }) : on;
  if ('newPage' in on)
    await page.route(
      (url) => url.origin !== server.base,
      (route) => route.abort(),
    );
  else if (o.width) await page.setViewportSize({ width: o.width, height: 760 });
  const errors: string[] = [];
  const onError = (e: Error) => errors.push(String(e));
  page.on('pageerror', onError);
  const query = new URLSearchParams();
  if (o.devUser) query.set('devUser', o.devUser);
  if (o.theme) query.set('theme', o.theme);
  if (o.locale) query.set('locale', o.locale);
  await page.goto(`${server.base}/tab/${file}?${query}`);
  // Pages with data mark themselves ready; the others are drawn once their title is set.
  await page.waitForFunction(
    () => document.body.hasAttribute('data-ready') || (!document.getElementById('content') && document.body.hasAttribute('data-mode')) || !document.querySelector('script[src="tabCommon.js"]'),
    undefined,
    { timeout: 20_000 },
  );
  page.off('pageerror', onError);
  if (errors.length) throw new Error(`script errors on ${file}: ${errors.join('; ')}`);
  return page;
}
