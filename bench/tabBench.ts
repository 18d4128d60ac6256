/**
 * The skills report tab for a large org, in headless Chromium: a CertLink server in local mode
 * (embedded store) with PEOPLE people of about 3 certifications each linked to Contoso, and the
 * tab opened by Contoso's admin in a 1280 px window, RUNS times. Per run:
 *   startMs   from navigation start to the page asking for the report (page, scripts, Teams start-up)
 *   apiMs     the page's GET /api/tab/report, request to last byte (the server builds the view)
 *   drawMs    from that last byte to the page drawn (data-ready): parse, totals, charts, first page;
 *             the render the goal is about (< 1,000 ms)
 *   totalMs   from navigation start to the page drawn: what the admin waits for, start-up included
 *   searchMs, sortMs, filterMs  one search keystroke, one sort, one filter over everyone, redrawn
 * Prints the median of each. Run alone: npm run bench:tab [-- people]
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { syntheticPeople } from '../test/support/skillsReportOrg';
import { AS, startTabServer } from '../test/support/tabServer';

const PEOPLE = Number(process.argv[2] ?? 10_000);
const RUNS = 5;
const GOAL_MS = 1000;

interface Run {
  startMs: number;
  apiMs: number;
  drawMs: number;
  totalMs: number;
  searchMs: number;
  sortMs: number;
  filterMs: number;
  bytes: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Times one change the page redraws synchronously (its handlers draw before returning). */
function timed(page: Page, action: string): Promise<number> {
  return page.evaluate((what) => {
    const started = performance.now();
    if (what === 'search') {
      const input = document.getElementById('search') as HTMLInputElement;
      input.value = 'amélie';
      input.dispatchEvent(new Event('input'));
    } else if (what === 'sort') {
      (document.querySelector('th[data-column=nextExpiry] button') as HTMLButtonElement).click();
    } else {
      const select = document.getElementById('filter-state') as HTMLSelectElement;
      select.value = 'expiring';
      select.dispatchEvent(new Event('change'));
    }
    return performance.now() - started;
  }, action);
}

async function main(): Promise<void> {
  const seeded = performance.now();
  const server = await startTabServer(syntheticPeople(PEOPLE - 2, new Date('2026-03-01T09:00:00Z')));
  console.log(`seeded ${PEOPLE} people (2 from the sample data) in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  const browser = await launchChromium();
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, locale: 'en-US' });
      // When the page marks itself drawn, on the page's own clock.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.body?.getAttribute('data-ready') === 'true') {
            (window as unknown as { drawnAt: number }).drawnAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
      });
      await page.goto(`${server.base}/tab/skills-report.html?devUser=${encodeURIComponent(AS.admin)}`);
      await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
      const load = await page.evaluate(() => {
        const api = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/tab/report')) as PerformanceResourceTiming;
        const drawnAt = (window as unknown as { drawnAt: number }).drawnAt;
        return {
          startMs: api.requestStart,
          apiMs: api.responseEnd - api.requestStart,
          drawMs: drawnAt - api.responseEnd,
          totalMs: drawnAt,
          bytes: api.encodedBodySize,
          people: Number(document.getElementById('linked-count')?.textContent?.replace(/\D/g, '')),
        };
      });
      if (load.people !== PEOPLE) throw new Error(`the page counts ${load.people} people, not ${PEOPLE}`);
      const run = { ...load, searchMs: await timed(page, 'search'), sortMs: await timed(page, 'sort'), filterMs: await timed(page, 'filter') };
      runs.push(run);
      console.log(
        `run ${i + 1}: start ${run.startMs.toFixed(0)} ms, api ${run.apiMs.toFixed(0)} ms, draw ${run.drawMs.toFixed(0)} ms, total ${run.totalMs.toFixed(0)} ms; search ${run.searchMs.toFixed(0)} ms, sort ${run.sortMs.toFixed(0)} ms, filter ${run.filterMs.toFixed(0)} ms`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const m = (key: keyof Run) => median(runs.map((r) => r[key]));
  const draw = m('drawMs');
  console.log(
    `\nskills report tab, ${PEOPLE.toLocaleString('en')} people, median of ${RUNS} (JSON ${(m('bytes') / 1e6).toFixed(1)} MB):\n` +
      `  draw ${draw.toFixed(0)} ms (goal < ${GOAL_MS} ms: ${draw < GOAL_MS ? 'met' : 'NOT met'}); start ${m('startMs').toFixed(0)} ms, api ${m('apiMs').toFixed(0)} ms, total ${m('totalMs').toFixed(0)} ms\n` +
      `  search ${m('searchMs').toFixed(0)} ms, sort ${m('sortMs').toFixed(0)} ms, filter ${m('filterMs').toFixed(0)} ms`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
