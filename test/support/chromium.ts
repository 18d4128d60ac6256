/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by
 * playwright-core (which downloads no browser of its own). In CI (CI=true) a missing browser
 * is a failure, as a missing Redis is. On a developer's machine without it, the browser suites
 * report themselves skipped, with one line that names the command installing it, and the rest
 * of `npm test` runs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { isCi } from '../../scripts/progressLine';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Screenshots and reports of the browser tests, for people to look at (not committed). */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts');

export const INSTALL_CHROMIUM = 'apt-get install -y chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}${isCi(process.env) ? ' (CI=true: .ci/run should have installed it)' : ''}. ` +
        `Install it with \`${INSTALL_CHROMIUM}\` (or set CHROMIUM_PATH). Never \`npx playwright install\`.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * For a browser suite's before hook: the browser; or, outside CI when Chromium is missing, the
 * whole suite marked pending after one line that says why and how to install it.
 */
export async function launchChromiumOrSkip(suite: Mocha.Context): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH) && !isCi(process.env)) {
    const tests = suite.test?.parent?.tests.length ?? 0;
    console.log(`\n  SKIPPED ${tests} browser tests: Chromium is not installed at ${CHROMIUM_PATH}. Install it with: ${INSTALL_CHROMIUM}\n`);
    suite.skip();
  }
  return launchChromium();
}
