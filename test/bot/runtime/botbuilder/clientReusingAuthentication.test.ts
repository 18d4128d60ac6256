import { strict as assert } from 'node:assert';
import { Activity } from 'botbuilder';
import { ClientReusingAuthentication } from '../../../../bot/runtime/botbuilder/clientReusingAuthentication';

const localMode = { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };

function activity(serviceUrl: string): Activity {
  return { type: 'message', channelId: 'msteams', serviceUrl } as Activity;
}

describe('ClientReusingAuthentication (the SDK clients made once, not per turn)', () => {
  it('gives every turn for one service URL the same connector client, and another URL its own', async () => {
    const auth = new ClientReusingAuthentication(localMode);
    const first = await auth.authenticateRequest(activity('https://smba.trafficmanager.net/emea/'), '');
    const second = await auth.authenticateRequest(activity('https://smba.trafficmanager.net/emea/'), '');
    const other = await auth.authenticateRequest(activity('https://smba.trafficmanager.net/amer/'), '');

    const a = await first.connectorFactory!.create('https://smba.trafficmanager.net/emea/', first.audience);
    const b = await second.connectorFactory!.create('https://smba.trafficmanager.net/emea/', second.audience);
    const c = await other.connectorFactory!.create('https://smba.trafficmanager.net/amer/', other.audience);
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.equal(a.conversations !== undefined, true, 'a real connector client');
  });

  it('keeps one client per audience, and one user-token client per app id', async () => {
    const auth = new ClientReusingAuthentication(localMode);
    const turn = await auth.authenticateRequest(activity('https://smba.example/'), '');
    const forBotFramework = await turn.connectorFactory!.create('https://smba.example/', 'https://api.botframework.com');
    const forOther = await turn.connectorFactory!.create('https://smba.example/', 'https://other.example');
    assert.notEqual(forBotFramework, forOther);

    const tokens1 = await auth.createUserTokenClient(turn.claimsIdentity);
    const tokens2 = await auth.createUserTokenClient(turn.claimsIdentity);
    assert.equal(tokens1, tokens2);
  });

  it('proactive turns share the clients of ordinary ones', async () => {
    const auth = new ClientReusingAuthentication(localMode);
    const turn = await auth.authenticateRequest(activity('https://smba.example/'), '');
    const fromTurn = await turn.connectorFactory!.create('https://smba.example/', turn.audience);
    const proactive = await auth.createConnectorFactory(turn.claimsIdentity).create('https://smba.example/', turn.audience);
    assert.equal(fromTurn, proactive);
  });
});
