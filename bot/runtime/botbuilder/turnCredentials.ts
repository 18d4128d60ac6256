import type { TurnContext } from 'botbuilder';
import type { SignRequest } from '../connector/connectorHttp';

/** What the SDK's credentials accept to sign (botframework-connector's WebResourceLike, structurally). */
interface Signable {
  headers: { set(name: string, value: string): void };
}

interface TurnConnector {
  credentials?: { signRequest(request: Signable): Promise<unknown> };
}

/**
 * Signs with the credentials of the connector client CloudAdapter made for the turn: the same token,
 * for the same audience, as the SDK's own calls (none in local mode).
 */
export function signForTurn(context: TurnContext): SignRequest {
  return async (headers) => {
    const connector = context.turnState.get(context.adapter.ConnectorClientKey) as TurnConnector | undefined;
    await connector?.credentials?.signRequest({ headers: { set: (name, value) => (headers[name.toLowerCase()] = value) } });
  };
}
