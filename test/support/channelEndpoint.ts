/**
 * POST /api/messages' endpoint on the runtime under test (testRuntime.ts), authenticating against
 * a local key set, with a turn that only counts: the channel-authentication and forged-identity
 * tests prove each runtime's own checks this way.
 */
import type { Logger } from 'pino';
import { AgentsRuntime } from '../../bot/runtime/agents/agentsRuntime';
import { createCertLinkAdapter } from '../../bot/runtime/botbuilder/authentication';
import { messagesEndpoint } from '../../bot/runtime/botbuilder/messagesEndpoint';
import type { ChannelTrust } from '../../bot/runtime/channelTrust';
import type { ActivityEndpoint, ChannelActivity, TurnHandler } from '../../bot/runtime/turn';
import { ManualClock } from '../../services/clock';
import { MemoryDocumentStore } from '../../services/memory/memoryDocumentStore';
import { TEST_APP_ID } from './channelTokens';
import { TEST_RUNTIME } from './testRuntime';

export interface CountingEndpointOptions {
  trust: ChannelTrust;
  log: Logger;
  /** Runs for every turn that reaches the bot. */
  turn: () => Promise<void>;
  refuse?: (activity: ChannelActivity) => string | null;
}

const AUTH = { microsoftAppId: TEST_APP_ID, microsoftAppPassword: 'not-used-offline', microsoftAppType: 'MultiTenant' as const, microsoftAppTenantId: '' };

export function countingEndpoint(o: CountingEndpointOptions): ActivityEndpoint {
  if (TEST_RUNTIME === 'botbuilder') return messagesEndpoint({ adapter: createCertLinkAdapter(AUTH, o.log, o.trust), logic: o.turn, log: o.log, refuse: o.refuse });
  const unreachable = (): never => {
    throw new Error('the counting turn dispatches nothing');
  };
  const handler: TurnHandler = {
    run: () => o.turn(),
    message: unreachable,
    cardAction: unreachable,
    unhandledInvoke: unreachable,
    installed: unreachable,
    uninstalled: unreachable,
    membersAdded: unreachable,
    signInPrompt: unreachable,
    signedIn: unreachable,
  };
  return new AgentsRuntime(AUTH, o.log, o.trust).serve(handler, { session: { documents: new MemoryDocumentStore(new ManualClock('2026-01-05T09:00:00Z')) }, oauthConnectionName: '', refuse: o.refuse });
}
