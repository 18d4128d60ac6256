/**
 * The connector stand-in in a process of its own, so a bench measures the
 * sender and not the stand-in sharing its event loop (the real connector is
 * remote too). Options come as JSON in argv[2]; answers the parent's 'report'
 * message with its deliveries and attempts.
 */
import { ConnectorStandIn, StandInOptions } from './connectorStandIn';

async function main(): Promise<void> {
  const opts = JSON.parse(process.argv[2] ?? '{}') as StandInOptions;
  const standIn = new ConnectorStandIn(opts);
  const url = await standIn.start();
  process.on('message', (msg: unknown) => {
    if (msg === 'report') {
      process.send?.({
        kind: 'report',
        deliveries: standIn.deliveries.map((d) => [d.conversationId, d.tenantId, d.at]),
        attempts: standIn.attempts.map((a) => [a.conversationId, a.tenantId, a.at, a.status]),
      });
    }
    if (msg === 'count') process.send?.({ kind: 'count', deliveries: standIn.deliveries.length });
  });
  process.send?.({ kind: 'ready', url });
}

void main();
