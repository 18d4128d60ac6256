/**
 * The two tabs in headless Chromium against a real CertLink server (local mode, embedded
 * store, sample data, people linked through the service), outside Teams: the pages must say
 * they run in local mode and use the dev identity from ?devUser=. Screenshots in light and
 * dark themes go to test-artifacts/ (not committed).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchChromiumOrSkip } from '../support/chromium';
import { CONTOSO, CONTOSO_ADMIN, openTab, OpenTab, startTabServer, TabServer } from '../support/tabServer';

describe('tabs in headless Chromium (local mode, sample data)', function () {
  this.timeout(60_000);
  let server: TabServer;
  let browser: Browser;

  before(async function () {
    browser = await launchChromiumOrSkip(this);
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTabServer();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (file: string, devUser: string, o: Omit<OpenTab, 'devUser'> = {}): Promise<Page> => openTab(browser, server, file, { devUser, ...o });
  const text = (page: Page, selector: string) => page.locator(selector).innerText();

  it('"My certification" shows the link, the associations with dates and the next allowed date, in local mode', async () => {
    const page = await open('my-certification.html', `aad-alice;${CONTOSO}`);
    assert.equal(await page.getAttribute('body', 'data-mode'), 'local');
    assert.match(await text(page, '#banner'), /Local mode: this page is not running inside Teams/);
    assert.equal(await text(page, '#link-status'), 'MCID 10203040 is linked to Contoso since February 1, 2026 (UTC).');
    assert.deepEqual(await page.locator('#associations li').allInnerTexts(), ['February 1, 2026 (UTC): Contoso']);
    assert.equal(await text(page, '#used'), '1 of 3 used');
    assert.equal(await text(page, '#next-date'), 'Your next available date for a subsequent association is March 3, 2026 (UTC).');
    assert.match(await text(page, '#notices'), /^On: CertLink tells you in chat on the day you can link again/);
    assert.equal(await text(page, '#profile h2'), 'Your certifications (4)');
    assert.deepEqual((await page.locator('#certifications li').allInnerTexts()).slice(0, 2), [
      'AZ-400 · Microsoft Certified: DevOps Engineer Expert · earned September 4, 2024 (UTC), expired September 4, 2025 (UTC)',
      'DP-600 · Microsoft Certified: Fabric Analytics Engineer Associate · earned October 2, 2025 (UTC), expires October 2, 2026 (UTC)',
    ]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'my-certification-light.png'), fullPage: true });
    await page.close();

    const dark = await open('my-certification.html', `aad-alice;${CONTOSO}`, { theme: 'dark' });
    assert.equal(await dark.getAttribute('body', 'data-theme'), 'dark');
    const bg = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(31, 31, 31)');
    await dark.screenshot({ path: path.join(ARTIFACTS, 'my-certification-dark.png'), fullPage: true });
    await dark.close();
  });

  it('"My certification" speaks French when the locale is French', async () => {
    const page = await open('my-certification.html', `aad-alice;${CONTOSO}`, { locale: 'fr-FR', theme: 'contrast' });
    assert.equal(await text(page, '#title'), 'Ma certification');
    assert.equal(await text(page, '#next-date'), 'La prochaine date disponible pour une association est le 3 mars 2026 (UTC).');
    assert.equal(await text(page, '#link-status'), 'Le MCID 10203040 est lié à Contoso depuis le 1er février 2026 (UTC).');
    assert.equal(await text(page, '#profile h2'), 'Vos certifications (4)');
    assert.match((await page.locator('#certifications li').allInnerTexts())[0], /^AZ-400 · Microsoft Certified: DevOps Engineer Expert · obtenue le 4 septembre 2024 \(UTC\), expirée le 4 septembre 2025 \(UTC\)$/);
    assert.match(await text(page, '#banner'), /Mode local/);
    assert.equal(await page.getAttribute('body', 'data-theme'), 'contrast');
    await page.screenshot({ path: path.join(ARTIFACTS, 'my-certification-fr-contrast.png'), fullPage: true });
    await page.close();
  });

  it('"Skills report" gives an admin one row per person, with search, sort by column and the CSV/Excel downloads', async () => {
    const page = await open('skills-report.html', `${CONTOSO_ADMIN};${CONTOSO}`);
    assert.equal(await text(page, '#linked-count'), '2');
    const mcids = async () => page.locator('#rows td[data-column=mcid]').allInnerTexts();
    assert.deepEqual((await mcids()).sort(), ['10203040', '10204151']);
    assert.equal(await text(page, '#row-count'), '2 people');

    await page.fill('#search', 'benoît');
    assert.deepEqual(await mcids(), ['10204151']);
    await page.fill('#search', 'nobody-matches-this');
    assert.equal((await mcids()).length, 0);
    assert.equal(await page.isVisible('#no-match'), true);
    await page.fill('#search', '');

    await page.click('th[data-column=linkedSince] button');
    await page.click('th[data-column=name] button');
    assert.equal(await page.getAttribute('th[data-column=name]', 'aria-sort'), 'ascending');
    const names = () => page.locator('#rows button.expand').allInnerTexts();
    assert.deepEqual(await names(), ['Benoît Lefèvre', 'Alice Martin']);
    await page.click('th[data-column=name] button');
    assert.equal(await page.getAttribute('th[data-column=name]', 'aria-sort'), 'descending');
    assert.deepEqual(await names(), ['Alice Martin', 'Benoît Lefèvre']);

    // No download URL in the page: each click asks the API for a link made for this admin, used once.
    assert.doesNotMatch(await page.content(), /\/download\/report/);
    for (const [button, fmt] of [
      ['#download-csv', 'csv'],
      ['#download-csv', 'csv'],
      ['#download-xlsx', 'xlsx'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      assert.match(download.url(), new RegExp(`/download/report\\?.*fmt=${fmt}`));
      assert.match(download.suggestedFilename(), new RegExp(`^skills-report-1234567-.*\\.${fmt}$`));
      if (fmt === 'csv') {
        const file = await download.path();
        assert.match(readFileSync(file, 'utf8'), /10204151/);
        // The link the page opened is spent: the same URL again gets 410 and no data.
        const again = await page.request.get(download.url());
        assert.equal(again.status(), 410);
        assert.doesNotMatch(await again.text(), /10204151/);
      }
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'skills-report-light.png'), fullPage: true });
    await page.close();

    const dark = await open('skills-report.html', `${CONTOSO_ADMIN};${CONTOSO}`, { theme: 'dark' });
    assert.equal(await dark.getAttribute('body', 'data-theme'), 'dark');
    await dark.screenshot({ path: path.join(ARTIFACTS, 'skills-report-dark.png'), fullPage: true });
    await dark.close();
  });

  it('"Skills report" fits a 1280 px window: every column and both charts visible, no horizontal scrolling, in both languages', async () => {
    for (const locale of ['en-US', 'fr-FR']) {
      const page = await open('skills-report.html', `${CONTOSO_ADMIN};${CONTOSO}`, { locale, width: 1280 });
      const fit = await page.evaluate(() => {
        const wrap = document.querySelector('.table-wrap') as HTMLElement;
        const box = wrap.getBoundingClientRect();
        const charts = Array.from(document.querySelectorAll('.chart-card')).map((c) => c.getBoundingClientRect());
        return {
          overflow: wrap.scrollWidth - wrap.clientWidth,
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          cutOff: Array.from(document.querySelectorAll('#report th'))
            .filter((th) => th.getBoundingClientRect().right > box.right + 0.5)
            .map((th) => th.textContent),
          columns: document.querySelectorAll('#report th').length,
          chartsSideBySide: charts.length === 2 && Math.abs(charts[0].top - charts[1].top) < 1 && charts[1].right <= document.documentElement.clientWidth,
        };
      });
      assert.deepEqual(fit, { overflow: 0, page: 0, cutOff: [], columns: 6, chartsSideBySide: true }, locale);
      await page.screenshot({ path: path.join(ARTIFACTS, `skills-report-1280-${locale}.png`), fullPage: true });
      await page.close();
    }
  });

  it('"Skills report" refuses a non-admin clearly, with no table', async () => {
    const page = await open('skills-report.html', `aad-alice;${CONTOSO}`);
    assert.equal(await page.getAttribute('body', 'data-ready'), 'refused');
    assert.equal(await text(page, '#error'), 'Only the global admins and partner admins of your organization can see the skills report. Ask one of them if you need it.');
    assert.equal(await page.locator('#report').count(), 0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'skills-report-refused-light.png'), fullPage: true });
    await page.close();
  });
});
