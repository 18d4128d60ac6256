/**
 * Microsoft 365 Agents Playground (0.2.28) writes locale "en-US" into every activity it sends,
 * and into the activity's clientInfo entity, with no setting to change it. `npm run dev --
 * --locale fr-FR` puts this relay between the playground and CertLink: it sets both to the
 * chosen locale and forwards everything else as it came, answering with the bot's own response
 * (invoke responses carry the card that replaces a clicked one). Replies do not pass here: the
 * bot sends them to the activity's serviceUrl, the playground.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocaleRelay {
  /** Messaging endpoint to give the playground, e.g. http://127.0.0.1:40123/api/messages */
  endpoint: string;
  close(): Promise<void>;
}

/** A language tag such as fr-FR, en-GB or fr. */
export const LOCALE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** The activity with its locale, and its clientInfo entity's, set to locale; anything that is not an activity unchanged. */
export function withLocale(body: unknown, locale: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const activity = body as { locale?: string; entities?: unknown[] };
  const entities = activity.entities?.map((e) => (typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'clientInfo' ? { ...e, locale } : e));
  return { ...activity, locale, ...(entities ? { entities } : {}) };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Forwarded as they came; hop-by-hop and length headers are the relay's own. */
const FORWARDED_HEADERS = ['authorization', 'content-type'];

export async function startLocaleRelay(opts: { botEndpoint: string; locale: string }): Promise<LocaleRelay> {
  if (!LOCALE_TAG.test(opts.locale)) throw new Error(`--locale must be a language tag such as fr-FR (got "${opts.locale}")`);
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const raw = await readBody(req);
        let body = raw.toString('utf8');
        try {
          body = JSON.stringify(withLocale(JSON.parse(body), opts.locale));
        } catch {
          // not JSON: the bot answers it as it would answer the playground
        }
        const headers: Record<string, string> = {};
        for (const name of FORWARDED_HEADERS) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name] as string;
        const answer = await fetch(opts.botEndpoint, { method: req.method, headers, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body });
        const contentType = answer.headers.get('content-type');
        res.writeHead(answer.status, contentType ? { 'content-type': contentType } : {});
        res.end(Buffer.from(await answer.arrayBuffer()));
      } catch (err) {
        res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`locale relay: CertLink did not answer (${(err as Error).message})`);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}${new URL(opts.botEndpoint).pathname}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
