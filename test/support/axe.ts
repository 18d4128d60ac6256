/**
 * axe-core (Deque's accessibility engine, from npm) injected into a page of the browser tests,
 * run on the whole page against WCAG 2.0 and 2.1, levels A and AA.
 */
import type { Page } from 'playwright-core';

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  /** Each element concerned: its selector and what axe says about it. */
  nodes: string[];
}

export interface AxeReport {
  violations: AxeFinding[];
  /** What axe could not decide (e.g. a colour contrast it could not measure), to be looked at. */
  incomplete: AxeFinding[];
  /** How many rules passed: a page axe did not really look at has few. */
  passes: number;
}

interface AxeResult {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string; any: { message: string }[] }[];
}

export async function runAxe(page: Page, tags = WCAG_21_AA): Promise<AxeReport> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeResult[]; incomplete: AxeResult[]; passes: AxeResult[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    const finding = (r: AxeResult) => ({
      id: r.id,
      impact: r.impact ?? 'unknown',
      help: r.help,
      nodes: r.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? n.any.map((a) => a.message).join('; ')}`),
    });
    return { violations: results.violations.map(finding), incomplete: results.incomplete.map(finding), passes: results.passes.length };
  }, tags);
}

/** The findings that fail a page: serious and critical ones. */
export const blocking = (findings: AxeFinding[]) => findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
