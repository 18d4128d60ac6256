/**
 * The skills report tab read at a glance, in headless Chromium against a real CertLink server:
 * Alice and Benoît of the sample data plus three people made for this test, linked to Contoso a
 * month before "now" (1 March 2026). The charts are checked by what they draw (each bar's label,
 * value and size) and by their text alternatives; the people by sort, filters, search, chips and
 * details; in light, dark and high-contrast themes, English and French.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CertificationProfile } from '../../services/directory/types';
import { ARTIFACTS, launchChromiumOrSkip } from '../support/chromium';
import { AS, openTab, OpenTab, startTabServer, TabServer } from '../support/tabServer';
import { syntheticPeople } from '../support/skillsReportOrg';

const text = (page: Page, selector: string) => page.locator(selector).innerText();
const ADMIN = 'Microsoft Certified: Azure Administrator Associate';
const cert = (number: string, title: string, earnedOn: string, expiresOn?: string) => ({ number, title, type: 'certification' as const, earnedOn, ...(expiresOn ? { expiresOn } : {}) });
/** Expiring soon is until 30 May 2026 (90 days after 1 March). */
const PEOPLE: CertificationProfile[] = [
  {
    mcid: '20000001',
    firstName: 'Zoé',
    lastName: 'Arnaud',
    emails: ['zoe@contoso.com'],
    certifications: [cert('AZ-104', ADMIN, '2025-03-20', '2026-03-20'), cert('AZ-900', 'Microsoft Certified: Azure Fundamentals', '2024-05-01')],
  },
  {
    mcid: '20000002',
    firstName: 'Yann',
    lastName: 'Bernard',
    emails: ['yann@contoso.com'],
    certifications: [cert('AZ-104', ADMIN, '2025-05-10', '2026-05-10'), cert('SC-200', 'Microsoft Certified: Security Operations Analyst Associate', '2025-07-01', '2026-07-01')],
  },
  { mcid: '20000003', firstName: 'Xavier', lastName: 'Caron', emails: ['xavier@contoso.com'], certifications: [] },
];

describe('the skills report tab: totals, charts with their numbers, people as rows with chips (Chromium)', function () {
  this.timeout(60_000);
  let server: TabServer;
  let browser: Browser;

  before(async function () {
    browser = await launchChromiumOrSkip(this);
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTabServer(PEOPLE);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (o: OpenTab = {}): Promise<Page> => openTab(browser, server, 'skills-report.html', { devUser: AS.admin, width: 1280, ...o });
  /** Each bar as drawn: its label, value, the text beside it, and its size in pixels. */
  const bars = (page: Page, chart: string) =>
    page.evaluate(
      (sel) =>
        Array.from(document.querySelectorAll(`${sel} .bar`)).map((bar) => {
          const rect = bar.querySelector('svg rect')!.getBoundingClientRect();
          return { label: bar.getAttribute('data-label'), value: Number(bar.getAttribute('data-value')), shown: bar.querySelector('.bar-value')!.textContent, width: rect.width, height: rect.height };
        }),
      chart,
    );
  const numbersTable = (page: Page, chart: string) => page.locator(`${chart} details tbody tr`).evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent]));
  const names = (page: Page) => page.locator('#rows tr:not(.detail) button.expand').allInnerTexts();

  it('totals, certifications held by title and expiries by month: each bar its number and size, the same numbers as text', async () => {
    const page = await open();
    assert.deepEqual(await page.locator('#summary strong').allInnerTexts(), ['5', '8', '2', '2', '0']);
    assert.match(await text(page, '#summary'), /People linked[\s\S]*Valid certifications[\s\S]*Expiring within 90 days[\s\S]*Expired certifications/);

    const titles = await bars(page, '#chart-titles');
    assert.deepEqual(
      titles.map((b) => [b.label, b.value, b.shown]),
      [
        ['Azure Administrator Associate', 3, '3'],
        ['Exam AZ-204: Developing Solutions for Microsoft Azure', 1, '1'],
        ['Microsoft 365 Certified: Administrator Expert', 1, '1'],
        ['Azure Developer Associate', 1, '1'],
        ['Azure Fundamentals', 1, '1'],
        ['Fabric Analytics Engineer Associate', 1, '1'],
        ['Power Platform Fundamentals', 1, '1'],
        ['Security Operations Analyst Associate', 1, '1'],
      ],
    );
    // Bar lengths are proportional to the values.
    for (const b of titles.slice(1)) assert.ok(Math.abs(titles[0].width - 3 * b.width) < 1.5, `${b.label}: ${b.width} px against ${titles[0].width} px for 3`);
    assert.deepEqual(
      await numbersTable(page, '#chart-titles'),
      titles.map((b) => [b.label, String(b.value)]),
    );

    const months = await bars(page, '#chart-months');
    assert.deepEqual(
      months.map((b) => b.label),
      ['March 2026', 'April 2026', 'May 2026', 'June 2026', 'July 2026', 'August 2026', 'September 2026', 'October 2026', 'November 2026', 'December 2026', 'January 2027', 'February 2027'],
    );
    // Zoé's in March, Yann's in May and July, Alice's DP-600 in October, Benoît's AZ-204 in February; nothing already expired.
    assert.deepEqual(
      months.map((b) => b.value),
      [1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1],
    );
    assert.deepEqual(
      months.map((b) => b.shown),
      ['1', '0', '1', '0', '1', '0', '0', '1', '0', '0', '0', '1'],
    );
    const tall = months.filter((b) => b.value === 1).map((b) => b.height);
    assert.ok(
      tall.every((h) => h > 100 && Math.abs(h - tall[0]) < 0.5),
      `equal values, equal bars: ${tall}`,
    );
    assert.ok(months.filter((b) => b.value === 0).every((b) => b.height === 0));
    assert.deepEqual(await page.locator('#chart-months .bar-label').allInnerTexts(), ['Mar\n2026', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan\n2027', 'Feb']);

    // For screen readers: each chart is an image named by its heading and described with every number.
    const described = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[role=img]')).map((img) => [
        document.getElementById(img.getAttribute('aria-labelledby')!)!.textContent,
        document.getElementById(img.getAttribute('aria-describedby')!)!.textContent,
      ]),
    );
    assert.equal(described.length, 2);
    assert.equal(described[0][0], 'Certifications held, by title');
    assert.match(described[0][1]!, /^Azure Administrator Associate: 3; Exam AZ-204: Developing Solutions for Microsoft Azure: 1; .*Security Operations Analyst Associate: 1\.$/);
    assert.equal(described[1][0], 'Certifications expiring, by month (next 12 months)');
    assert.match(described[1][1]!, /^March 2026: 1; April 2026: 0; May 2026: 1; .*February 2027: 1\.$/);
    await page.click('#chart-months details summary');
    assert.equal(await page.isVisible('#chart-months details table'), true);
    assert.deepEqual((await numbersTable(page, '#chart-months')).slice(0, 3), [
      ['March 2026', '1'],
      ['April 2026', '0'],
      ['May 2026', '1'],
    ]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'skills-report-glance-light.png'), fullPage: true });
    await page.close();
  });

  it('one row per person, certifications as chips that say their state, a row that opens on the details', async () => {
    const page = await open();
    assert.deepEqual(await names(page), ['Zoé Arnaud', 'Yann Bernard', 'Xavier Caron', 'Benoît Lefèvre', 'Alice Martin']);
    const chips = (mcid: string) => page.locator(`tr[data-mcid="${mcid}"] .chip`).evaluateAll((els) => els.map((el) => `${el.className.replace('chip chip-', '')}: ${el.textContent}`));
    assert.deepEqual(await chips('20000001'), ['expiring: Azure Administrator Associate (Expiring soon)', 'valid: Azure Fundamentals (Valid)']);
    assert.deepEqual(await chips('10203040'), [
      'expired: DevOps Engineer Expert (Expired)',
      'valid: Fabric Analytics Engineer Associate (Valid)',
      'valid: Azure Administrator Associate (Valid)',
      'valid: Exam AZ-204: Developing Solutions for Microsoft Azure (Valid)',
    ]);
    assert.deepEqual(await chips('20000003'), []);
    assert.equal(await text(page, 'tr[data-mcid="20000003"] td[data-column=certs]'), 'No certification');
    assert.equal(await text(page, 'tr[data-mcid="20000001"] td[data-column=nextExpiry]'), 'Mar 20, 2026');

    const toggle = page.locator('tr[data-mcid="10203040"] button.expand');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.isVisible('#' + (await toggle.getAttribute('aria-controls'))), false);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const details = page.locator(`#${await toggle.getAttribute('aria-controls')} li`);
    assert.deepEqual((await details.allInnerTexts()).slice(0, 2), [
      'Microsoft Certified: DevOps Engineer Expert · Certification · earned Sep 4, 2024 · expired Sep 4, 2025 · Expired',
      'Microsoft Certified: Fabric Analytics Engineer Associate · Certification · earned Oct 2, 2025 · expires Oct 2, 2026 · Valid',
    ]);
    await toggle.click();
    assert.equal(await details.first().isVisible(), false);
    await page.close();
  });

  it('sorts by column, filters by certification and state, searches, and says how many people are left', async () => {
    const page = await open();
    await page.click('th[data-column=nextExpiry] button');
    assert.equal(await page.getAttribute('th[data-column=nextExpiry]', 'aria-sort'), 'ascending');
    assert.deepEqual(await names(page), ['Zoé Arnaud', 'Yann Bernard', 'Alice Martin', 'Benoît Lefèvre', 'Xavier Caron']);
    assert.equal(await text(page, '#sort-status'), 'Sorted by Next expiry, ascending.');
    await page.click('th[data-column=certs] button');
    assert.deepEqual(await names(page), ['Xavier Caron', 'Zoé Arnaud', 'Yann Bernard', 'Benoît Lefèvre', 'Alice Martin']);
    await page.click('th[data-column=certs] button');
    assert.equal(await page.getAttribute('th[data-column=certs]', 'aria-sort'), 'descending');
    assert.deepEqual(await names(page), ['Benoît Lefèvre', 'Alice Martin', 'Zoé Arnaud', 'Yann Bernard', 'Xavier Caron']);
    assert.equal(await page.getAttribute('th[data-column=nextExpiry]', 'aria-sort'), null);

    await page.selectOption('#filter-state', 'expiring');
    assert.deepEqual((await names(page)).sort(), ['Yann Bernard', 'Zoé Arnaud']);
    assert.equal(await text(page, '#row-count'), '2 of 5 people');
    await page.selectOption('#filter-cert', ADMIN);
    await page.selectOption('#filter-state', 'expired');
    assert.deepEqual(await names(page), ['Benoît Lefèvre']);
    await page.selectOption('#filter-state', 'valid');
    assert.deepEqual(await names(page), ['Alice Martin']);
    await page.selectOption('#filter-cert', '');
    await page.selectOption('#filter-state', 'none');
    assert.deepEqual(await names(page), ['Xavier Caron']);
    await page.selectOption('#filter-state', '');

    await page.fill('#search', 'fabric');
    assert.deepEqual(await names(page), ['Alice Martin']);
    await page.fill('#search', 'yann@');
    assert.deepEqual(await names(page), ['Yann Bernard']);
    await page.fill('#search', '20000003');
    assert.deepEqual(await names(page), ['Xavier Caron']);
    await page.fill('#search', 'nobody-matches-this');
    assert.deepEqual(await names(page), []);
    assert.equal(await page.isVisible('#no-match'), true);
    assert.equal(await text(page, '#row-count'), '0 of 5 people');
    await page.fill('#search', '');
    assert.equal(await text(page, '#row-count'), '5 people');
    await page.close();
  });

  it('speaks French: totals, charts, chips and filters, in the dark theme', async () => {
    const page = await open({ locale: 'fr-FR', theme: 'dark' });
    assert.equal(await page.getAttribute('body', 'data-theme'), 'dark');
    assert.equal(await text(page, '#title'), 'Rapport des compétences');
    assert.match(await text(page, '#summary'), /Personnes liées[\s\S]*Certifications valides[\s\S]*Expirant sous 90 jours[\s\S]*Certifications expirées/);
    assert.equal(await text(page, '#chart-titles h2'), 'Certifications détenues, par titre');
    const months = await bars(page, '#chart-months');
    assert.deepEqual(
      months.slice(0, 3).map((b) => [b.label, b.value]),
      [
        ['mars 2026', 1],
        ['avril 2026', 0],
        ['mai 2026', 1],
      ],
    );
    assert.deepEqual((await page.locator('#chart-months .bar-label').allInnerTexts()).slice(0, 3), ['mars\n2026', 'avr.', 'mai']);
    assert.equal(await text(page, '#chart-months summary'), 'Afficher les chiffres');
    assert.deepEqual(await page.locator('tr[data-mcid="20000001"] .chip').allTextContents(), ['Azure Administrator Associate (Expire bientôt)', 'Azure Fundamentals (Valide)']);
    assert.equal(await text(page, 'tr[data-mcid="20000001"] td[data-column=nextExpiry]'), '20 mars 2026');
    await page.selectOption('#filter-state', 'expired');
    assert.equal(await text(page, '#row-count'), '2 sur 5 personnes');
    // Teams' dark tokens: the bars in colorBrandForeground1, the page in colorNeutralBackground3.
    assert.deepEqual(await page.evaluate(() => [getComputedStyle(document.querySelector('.bar-fill')!).fill, getComputedStyle(document.body).backgroundColor]), ['rgb(127, 133, 245)', 'rgb(31, 31, 31)']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'skills-report-glance-fr-dark.png'), fullPage: true });
    await page.close();
  });

  it('in high contrast: white bars and chips told apart by their marks and borders, not colour', async () => {
    const page = await open({ theme: 'contrast' });
    assert.equal(await page.getAttribute('body', 'data-theme'), 'contrast');
    const look = await page.evaluate(() => {
      const style = (sel: string, pseudo?: string) => getComputedStyle(document.querySelector(sel)!, pseudo);
      return {
        bar: style('.bar-fill').fill,
        marks: ['.chip-valid', '.chip-expiring', '.chip-expired'].map((s) => style(s, '::before').content),
        borders: ['.chip-valid', '.chip-expiring', '.chip-expired'].map((s) => `${style(s).borderTopStyle} ${style(s).borderTopWidth} ${style(s).color}`),
      };
    });
    assert.equal(look.bar, 'rgb(255, 255, 255)');
    assert.deepEqual(look.marks, ['"✓" / ""', '"!" / ""', '"✕" / ""']);
    assert.deepEqual(look.borders, ['solid 1px rgb(255, 255, 255)', 'solid 2px rgb(255, 255, 255)', 'dashed 1px rgb(255, 255, 255)']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'skills-report-glance-contrast.png'), fullPage: true });
    await page.close();
  });

  it('shows 50 people a page, pages forward and back, and a search starts again at page one (122 people)', async () => {
    const large = await startTabServer(syntheticPeople(120, new Date('2026-03-01T09:00:00Z')));
    try {
      const page = await openTab(browser, large, 'skills-report.html', { devUser: AS.admin, width: 1280 });
      const rows = () => page.locator('#rows tr:not(.detail)').count();
      assert.equal(await text(page, '#linked-count'), '122');
      assert.equal(await rows(), 50);
      assert.equal(await text(page, '#page-text'), 'Showing 1–50 of 122');
      assert.equal(await page.isDisabled('#page-previous'), true);
      await page.click('#page-next');
      await page.click('#page-next');
      assert.equal(await text(page, '#page-text'), 'Showing 101–122 of 122');
      assert.equal(await rows(), 22);
      assert.equal(await page.isDisabled('#page-next'), true);
      await page.click('#page-previous');
      assert.equal(await text(page, '#page-text'), 'Showing 51–100 of 122');
      await page.fill('#search', 'amélie');
      assert.equal(await text(page, '#row-count'), '12 of 122 people');
      assert.equal(await rows(), 12);
      assert.equal(await page.isVisible('#pager'), false);
      // The charts count everyone: the bars of the title chart add up to the certifications held.
      const held = await page.evaluate(() => Array.from(document.querySelectorAll('#chart-titles .bar')).reduce((n, b) => n + Number(b.getAttribute('data-value')), 0));
      const [valid, expiring] = await page.locator('#count-valid, #count-expiring').allInnerTexts();
      assert.equal(held, Number(valid) + Number(expiring));
      await page.close();
    } finally {
      await large.close();
    }
  });
});
