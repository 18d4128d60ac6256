/**
 * The tab pages meet WCAG 2.1 AA in every Teams theme and both languages: axe-core on the whole
 * page (test/support/axe.ts) in Teams' light ("default"), dark and high-contrast themes, English
 * and French, in the project's Chromium at a 1280 px window; the colours are Teams' own theme
 * tokens; the skills report reads without horizontal scrolling and works by keyboard and screen
 * reader. The checks hold whatever the pages draw (a table, charts): they look at the whole page.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fluentTokens from '@fluentui/tokens';
import type { Browser, Page } from 'playwright-core';
import { AxeReport, blocking, runAxe } from '../support/axe';
import { launchChromiumOrSkip } from '../support/chromium';
import { AS, openTab, OpenTab, startTabServer, TabServer } from '../support/tabServer';

const THEMES = ['default', 'dark', 'contrast'] as const;
type Theme = (typeof THEMES)[number];
const LOCALES = ['en-US', 'fr-FR'] as const;
const WIDTH = 1280;

/** Teams' themes as Fluent UI (the design system of Teams) publishes their tokens. */
const TEAMS_TOKENS: Record<Theme, Record<string, string>> = {
  default: fluentTokens.teamsLightTheme as unknown as Record<string, string>,
  dark: fluentTokens.teamsDarkTheme as unknown as Record<string, string>,
  contrast: fluentTokens.teamsHighContrastTheme as unknown as Record<string, string>,
};

interface Tab {
  name: string;
  file: string;
  devUser?: string;
  themes: readonly Theme[];
  locales: readonly string[];
}

/** The two tabs in every theme and both languages; the report's refusal in every theme; the configuration page once. */
const TABS: Tab[] = [
  { name: 'My certification', file: 'my-certification.html', devUser: AS.alice, themes: THEMES, locales: LOCALES },
  { name: 'Skills report', file: 'skills-report.html', devUser: AS.admin, themes: THEMES, locales: LOCALES },
  { name: 'Skills report, refused to a non-admin', file: 'skills-report.html', devUser: AS.alice, themes: THEMES, locales: ['fr-FR'] },
  { name: 'Skills report tab, configuration', file: 'config.html', themes: ['dark'], locales: ['en-US'] },
];

/** WCAG's contrast ratio of two CSS colours (rgb() or rgba() with full alpha). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
    const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('the tabs meet WCAG 2.1 AA in every Teams theme, in English and French (axe-core)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let server: TabServer;
  /** One page, navigated from test to test. */
  let shared: Page;
  const results: string[] = [];

  before(async function () {
    browser = await launchChromiumOrSkip(this);
    server = await startTabServer();
    shared = await openTab(browser, server, 'about.html', { width: WIDTH });
  });
  after(async () => {
    if (results.length) console.log(`\n      axe-core, WCAG 2.1 A and AA, by page, theme and language:\n${results.map((r) => `        ${r}`).join('\n')}\n`);
    await browser?.close();
    await server?.close();
  });

  const open = (tab: Pick<Tab, 'file' | 'devUser'>, o: OpenTab): Promise<Page> => openTab(shared, server, tab.file, { devUser: tab.devUser, width: WIDTH, ...o });
  const describeFinding = (f: AxeReport['violations'][number]) => `${f.id} (${f.impact}): ${f.help}\n    ${f.nodes.slice(0, 5).join('\n    ')}`;

  for (const tab of TABS) {
    for (const theme of tab.themes) {
      for (const locale of tab.locales) {
        it(`${tab.name}, ${theme} theme, ${locale}: no serious or critical violation, and every text's contrast judged`, async () => {
          const page = await open(tab, { theme, locale });
          assert.equal(await page.getAttribute('body', 'data-theme'), theme);
          assert.equal(await page.getAttribute('html', 'lang'), locale.slice(0, 2));
          const report = await runAxe(page);
          const byImpact = (impact: string) => report.violations.filter((v) => v.impact === impact).length;
          const unjudged = report.incomplete.filter((f) => f.id === 'color-contrast');
          results.push(
            `${tab.name} · ${theme} · ${locale}: ${report.violations.length} violations (critical ${byImpact('critical')}, serious ${byImpact('serious')}, moderate ${byImpact('moderate')}, minor ${byImpact('minor')}), ` +
              `${report.incomplete.length} rules to review (${unjudged.reduce((n, f) => n + f.nodes.length, 0)} elements whose contrast axe could not judge), ${report.passes} rules passed`,
          );
          assert.deepEqual(blocking(report.violations).map(describeFinding), []);
          assert.deepEqual(unjudged.map(describeFinding), [], 'axe could not judge some contrast (text scrolled out of view, or over an image)');
          assert.ok(report.passes >= 5, 'axe looked at the page');
        });
      }
    }
  }

  it('About (static, light): no serious or critical violation', async () => {
    const report = await runAxe(await open({ file: 'about.html' }, {}));
    results.push(`About · default · en: ${report.violations.length} violations, ${report.passes} rules passed`);
    assert.deepEqual(blocking(report.violations).map(describeFinding), []);
  });

  it("tab.css takes every colour from Teams' theme tokens (Fluent UI's teamsLightTheme, teamsDarkTheme, teamsHighContrastTheme)", () => {
    const css = readFileSync(path.resolve(__dirname, '..', '..', '..', 'tab', 'tab.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const themeRule = (theme: Theme) => new RegExp(`body\\.theme-${theme}\\s*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
    for (const theme of THEMES) {
      const declared = [...themeRule(theme).matchAll(/--(color\w+)\s*:\s*([^;]+);/g)].map(([, token, value]) => [token, value.trim().toLowerCase()]);
      assert.ok(declared.length >= 8, `theme-${theme} declares the tokens it uses`);
      assert.deepEqual(
        declared.filter(([token, value]) => TEAMS_TOKENS[theme][token]?.toLowerCase() !== value),
        [],
        `theme-${theme}: custom properties named after a Teams token hold that token's value`,
      );
    }
    // Outside the theme rules, colours are only those tokens (var(--color…)).
    const rest = THEMES.reduce((text, theme) => text.replace(new RegExp(`body\\.theme-${theme}\\s*\\{[^}]*\\}`), ''), css);
    assert.deepEqual(rest.match(/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(|:\s*(white|black|red|green|blue|yellow)\b/gi) ?? [], [], 'no colour written outside the theme tokens');
  });

  for (const tab of TABS.slice(0, 2)) {
    it(`${tab.name} reads without horizontal scrolling in a ${WIDTH} px window, in both languages`, async () => {
      for (const locale of LOCALES) {
        const page = await open(tab, { locale });
        const scrolled = await page.evaluate(() => {
          const out: string[] = [];
          const root = document.scrollingElement as HTMLElement;
          if (root.scrollWidth > root.clientWidth) out.push(`the page: ${root.scrollWidth} px wide in ${root.clientWidth} px`);
          for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
            const style = getComputedStyle(el);
            // (A 1 px box is text for screen readers only.)
            if (/(auto|scroll|hidden)/.test(style.overflowX) && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1)
              out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}: ${el.scrollWidth} px wide in ${el.clientWidth} px`);
          }
          return out;
        });
        assert.deepEqual(scrolled, [], locale);
      }
    });
  }

  it('every control shows where the keyboard focus is, in every theme (an outline of 2 px or more, 3:1 against what is behind it)', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const tab of TABS.slice(0, 2)) {
      for (const theme of THEMES) {
        const page = await open(tab, { theme });
        const count = await page.evaluate(() => document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').length);
        for (let i = 0; i < count; i++, checked++) {
          await page.keyboard.press('Tab');
          const focus = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            if (!el || el === document.body) return null;
            const style = getComputedStyle(el);
            let bg = 'rgba(0, 0, 0, 0)';
            for (let node: HTMLElement | null = el.parentElement; node && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); node = node.parentElement) bg = getComputedStyle(node).backgroundColor;
            return {
              what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
              style: style.outlineStyle,
              width: parseFloat(style.outlineWidth),
              color: style.outlineColor,
              bg,
            };
          });
          if (!focus) break;
          const where = `${tab.name}, ${theme}: ${focus.what}`;
          if (focus.style === 'none' || focus.width < 2) problems.push(`${where}: outline ${focus.style} ${focus.width}px`);
          else if (contrast(focus.color, focus.bg) < 3) problems.push(`${where}: outline ${focus.color} on ${focus.bg} is ${contrast(focus.color, focus.bg).toFixed(2)}:1`);
        }
      }
    }
    assert.ok(checked > 10, 'controls were focused');
    assert.deepEqual(problems, []);
  });

  it('a tab that cannot reach CertLink says so as an alert, not inside a region marked busy', async () => {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 760 } });
    await page.route(
      (url) => url.pathname.startsWith('/api/') || url.origin !== server.base,
      (route) => route.abort(),
    );
    await page.goto(`${server.base}/tab/my-certification.html?devUser=${encodeURIComponent(AS.alice)}`);
    await page.waitForSelector('body[data-ready=error]');
    assert.equal(await page.getAttribute('#content', 'aria-busy'), null);
    assert.match(await page.locator('#content [role=alert]').innerText(), /\S/);
    assert.deepEqual(blocking((await runAxe(page)).violations).map(describeFinding), []);
    await page.close();
  });

  it('the skills report table works by keyboard and screen reader: a name, header cells with scope, the sort state in aria-sort and said aloud', async () => {
    for (const locale of LOCALES) {
      const page = await open(TABS[1], { locale });
      const table = await page.evaluate(() =>
        Array.from(document.querySelectorAll('table')).map((t) => ({
          name: t.caption?.textContent?.trim() || t.getAttribute('aria-label') || document.getElementById(t.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() || '',
          headers: Array.from(t.querySelectorAll('thead th')).map((th) => th.getAttribute('scope')),
          sortable: t.querySelectorAll('thead th button').length,
        })),
      );
      assert.ok(table.length > 0, 'the report is a table');
      for (const t of table) {
        assert.ok(t.name, `${locale}: the table has a name`);
        assert.ok(
          t.headers.every((scope) => scope === 'col'),
          `${locale}: column headers have scope="col"`,
        );
      }
      const sortable = table.reduce((n, t) => n + t.sortable, 0);
      assert.ok(sortable > 0, 'columns can be sorted');

      // By keyboard only: Tab to the first column's sort button, Enter, then Space.
      await page.focus('body');
      let header = null;
      for (let i = 0; i < 40 && !header; i++) {
        await page.keyboard.press('Tab');
        header = await page.evaluate(() => (document.activeElement?.closest('th') ? document.activeElement.closest('th')?.getAttribute('data-column') : null));
      }
      assert.ok(header, `${locale}: a sort button is reached with Tab`);
      const sortOf = () => page.evaluate(() => Array.from(document.querySelectorAll('thead th[aria-sort]')).map((th) => `${th.getAttribute('data-column')}:${th.getAttribute('aria-sort')}`));
      // Live regions: what a screen reader says when they change (none may hold the whole page).
      const spoken = () => page.evaluate(() => Array.from(document.querySelectorAll('[role=status], [aria-live]')).map((el) => el.textContent?.trim() ?? ''));
      const before = await spoken();
      assert.ok(
        before.every((text) => text.length < 200),
        `${locale}: a live region holds a short message, not the page`,
      );
      await page.keyboard.press('Enter');
      assert.deepEqual(await sortOf(), [`${header}:ascending`], `${locale}: only the sorted column carries aria-sort`);
      // The header's words, without what is hidden from screen readers.
      const columnName = await page.evaluate((col) => {
        const button = document.querySelector(`thead th[data-column="${col}"] button`)?.cloneNode(true) as HTMLElement | undefined;
        button?.querySelectorAll('[aria-hidden=true]').forEach((el) => el.remove());
        return button?.textContent?.trim() ?? '';
      }, header);
      const ascending = (await spoken()).filter((text) => !before.includes(text));
      assert.equal(ascending.length, 1, `${locale}: the new order is said aloud`);
      assert.ok(ascending[0].includes(columnName), `${locale}: "${ascending[0]}" names the column`);
      await page.keyboard.press('Space');
      assert.deepEqual(await sortOf(), [`${header}:descending`]);
      const descending = (await spoken()).filter((text) => !before.includes(text) && !ascending.includes(text));
      assert.equal(descending.length, 1, `${locale}: the reversed order is said aloud too`);
      // The sort button's accessible name is the column's, with no arrow read out.
      assert.equal((await page.locator('*:focus').ariaSnapshot()).trim(), `- button "${columnName}"`);
      // What a search leaves is said too.
      const beforeSearch = await spoken();
      await page.fill('input[type=search]', 'benoît');
      assert.equal((await spoken()).filter((text) => !beforeSearch.includes(text)).length, 1, `${locale}: the rows a search leaves are said aloud`);
    }
  });
});
