/**
 * GET /tab/<file>: the tab pages (tab/*.html, *.js, *.css) and Microsoft's
 * teams-js library as /tab/teams-js.js, straight from node_modules. Only the
 * files listed here are served (no directory walking). Pages may be framed by
 * Teams and Microsoft 365 only (and by localhost pages in local mode).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as restify from 'restify';

export const TAB_DIR = path.resolve(__dirname, '..', '..', '..', 'tab');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export const TAB_FILES = [
  'my-certification.html',
  'myCertification.js',
  'skills-report.html',
  'skillsReport.js',
  'reportStrings.js',
  'reportCharts.js',
  'reportPeople.js',
  'config.html',
  'config.js',
  'about.html',
  'tab.css',
  'tabCommon.js',
];

/** Where Teams (web, desktop, mobile), Outlook and the Microsoft 365 app may frame the tabs. */
export const FRAME_ANCESTORS: readonly string[] = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://outlook.office.com',
];

/** Local tools (Agents Playground, a page on localhost) may frame the tabs too, in local mode only. */
export const LOCAL_FRAME_ANCESTORS: readonly string[] = ['http://localhost:*'];

export function frameAncestors(localMode: boolean): string {
  return (localMode ? [...FRAME_ANCESTORS, ...LOCAL_FRAME_ANCESTORS] : FRAME_ANCESTORS).join(' ');
}

/**
 * The bot's date formatter (services/i18n/dates.ts, compiled beside this file), for the tab pages
 * as window.CertLinkDates: the tabs write dates with the very code the cards use. It imports nothing.
 */
export function browserDates(): Buffer {
  const compiled = readFileSync(path.resolve(__dirname, '..', '..', 'services', 'i18n', 'dates.js'), 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
  return Buffer.from(`(function (exports) {\n${compiled}\nwindow.CertLinkDates = exports;\n})({});\n`);
}

export function registerTabPages(server: restify.Server, opts: { localMode: boolean }, dir = TAB_DIR): void {
  const csp = `frame-ancestors ${frameAncestors(opts.localMode)}`;
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of TAB_FILES) files.set(name, { body: readFileSync(path.join(dir, name)), type: TYPES[path.extname(name)] });
  files.set('teams-js.js', { body: readFileSync(require.resolve('@microsoft/teams-js')), type: TYPES['.js'] });
  files.set('dates.js', { body: browserDates(), type: TYPES['.js'] });

  server.get('/tab/:file', async (req: restify.Request, res: restify.Response) => {
    const file = files.get(String(req.params.file));
    if (!file) {
      res.send(404, { error: 'not_found', reason: 'No such tab file' });
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': file.body.length,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': csp,
    });
    res.end(file.body);
  });
  server.get('/tab', async (_req: restify.Request, res: restify.Response) => {
    res.writeHead(302, { Location: '/tab/my-certification.html' });
    res.end();
  });
}
