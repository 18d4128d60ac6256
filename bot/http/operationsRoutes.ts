/**
 * The drain gate a stopping process puts in front of every request of the bot's restify server
 * (added by the composition root). /metrics is served apart: bot/http/metricsListener.ts.
 */
import type { Next, Request, Response, Server } from 'restify';
import { InFlight } from './inFlight';

export interface DrainGate {
  inFlight: InFlight;
  /** From now on new requests get 503 (the channel retries them on another process). */
  startDraining(): void;
}

/** Counts every request until its response is done; refuses new ones once draining. */
export function addDrainGate(server: Server): DrainGate {
  const inFlight = new InFlight();
  let draining = false;
  server.pre((_req: Request, res: Response, next: Next) => {
    if (draining) {
      res.setHeader('connection', 'close');
      res.send(503, { error: 'shutting_down', reason: 'This bot process is stopping; retry on another one' });
      next(false);
      return;
    }
    const end = inFlight.begin();
    res.once('finish', end);
    res.once('close', end);
    next();
  });
  return {
    inFlight,
    startDraining: () => {
      draining = true;
    },
  };
}
