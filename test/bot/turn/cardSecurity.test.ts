import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import type { Turn } from '../../../bot/runtime/turn';
import { OnceStore } from '../../../services/kv/onceStore';
import { MemoryOnceStore } from '../../../services/memory/memoryOnceStore';
import { unavailableWhen } from '../../support/flakyStore';
import { MemoryAssociationStore } from '../../../services/memory/memoryAssociationStore';
import { button, makeHarness, people, textOf, FABRIKAM_TENANT } from '../../support/conversationHarness';

describe('card actions are re-checked on the server', () => {
  it('refuses a click by someone the card was not for, and changes nothing', async () => {
    const h = await makeHarness();
    const confirm = button(await h.say(people.alice, 'link my certification', { conversationId: 'group-1', conversationType: 'groupChat' }).then(() => h.say(people.alice, 'link my certification')), 'link.confirm');
    const out = await h.click(people.mallory, confirm, { conversationId: `conv-${people.alice.userId}-personal` });
    assert.match(textOf(out.body), /This card was for someone else\. Nothing was changed/);
    assert.equal(await h.associationStore.getRecord('10203040'), null);
  });

  it('refuses a click from another tenant', async () => {
    const h = await makeHarness();
    const confirm = button(await h.say(people.alice, 'link my certification'), 'link.confirm');
    const forged = { ...people.alice, tenantId: FABRIKAM_TENANT };
    const out = await h.click(forged, confirm, { conversationId: `conv-${people.alice.userId}-personal` });
    assert.match(textOf(out.body), /for someone else|expired/);
    assert.equal(await h.associationStore.getRecord('10203040'), null);
  });

  it('refuses a forged card id, a verb the card does not carry, and an expired card', async () => {
    const h = await makeHarness();
    const confirm = button(await h.say(people.alice, 'link my certification'), 'link.confirm');
    assert.match(textOf((await h.click(people.alice, { verb: 'link.confirm', cardId: 'forged-id' })).body), /expired or was already used/);
    assert.match(textOf((await h.click(people.alice, { verb: 'unlink.confirm', cardId: confirm.cardId })).body), /expired or was already used/);
    h.clock.set('2026-01-05T09:16:00Z');
    assert.match(textOf((await h.click(people.alice, confirm)).body), /expired or was already used/);
    assert.equal(await h.associationStore.getRecord('10203040'), null);
  });

  it('refuses card ids named like Object.prototype members (found by the hostile-input property test)', async () => {
    const h = await makeHarness();
    await h.say(people.alice, 'link my certification');
    for (const cardId of ['valueOf', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      assert.match(textOf((await h.click(people.alice, { verb: 'link.confirm', cardId })).body), /expired or was already used/, cardId);
    }
    assert.equal(await h.associationStore.getRecord('10203040'), null);
  });

  it('a forged click with the wrong verb does not hold back the real click', async () => {
    const h = await makeHarness();
    const confirm = button(await h.say(people.alice, 'link my certification'), 'link.confirm');
    assert.match(textOf((await h.click(people.alice, { verb: 'unlink.confirm', cardId: confirm.cardId })).body), /expired or was already used/);
    assert.match(textOf((await h.click(people.alice, confirm)).body), /Linked to Contoso/);
  });

  it('answers a malformed action payload with 400, not a crash', async () => {
    const h = await makeHarness();
    const out = await h.raw(h.activity(people.alice, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 42, data: 'x' } } }, {}));
    const response = out.find((a) => a.type === 'invokeResponse')?.value as { body: { statusCode: number } };
    assert.equal(response.body.statusCode, 400);
  });

  it('acts once on a double click of Confirm', async () => {
    const h = await makeHarness();
    const confirm = button(await h.say(people.alice, 'link my certification'), 'link.confirm');
    const [first, second] = await Promise.all([h.click(people.alice, confirm), h.click(people.alice, confirm)]);
    const texts = [textOf(first.body), textOf(second.body)].sort();
    assert.ok(
      texts.some((t) => /Linked to Contoso/.test(t)),
      texts.join(' | '),
    );
    assert.ok(
      texts.some((t) => /already done|expired or was already used/.test(t)),
      texts.join(' | '),
    );
    assert.equal((await h.associationStore.getRecord('10203040'))?.starts.length, 1);
    assert.match(textOf((await h.click(people.alice, confirm)).body), /already done/);
  });
});

describe('redelivery and faults', () => {
  it('acts once on a redelivered activity (same id, as Teams resends after 15 s)', async () => {
    const h = await makeHarness();
    const first = await h.say(people.alice, 'link my certification', { id: 'same-activity' });
    const again = await h.say(people.alice, 'link my certification', { id: 'same-activity' });
    assert.equal(first.length, 1);
    assert.equal(again.length, 0);
  });

  it('reads what the turn needs beside the claim of the activity; a redelivery that loses the claim replies nothing and writes nothing', async () => {
    const inner = new MemoryOnceStore();
    let releaseClaims!: () => void;
    const claimsHeld = new Promise<void>((resolve) => (releaseClaims = resolve));
    const once: OnceStore = {
      claim: async (key, ttl) => {
        await claimsHeld;
        return inner.claim(key, ttl);
      },
      isClaimed: (key) => inner.isClaimed(key),
      release: (key) => inner.release(key),
    };
    const h = await makeHarness({ once });
    const ofPerson = sinon.spy(h.services.associations, 'recordOfPerson');
    const mcidForEmail = sinon.spy(h.services.profiles, 'mcidForEmail');
    const first = h.say(people.alice, 'link my certification', { id: 'held' });
    const again = h.say(people.alice, 'link my certification', { id: 'held' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(ofPerson.callCount, 2, 'each delivery read the person’s link while its claim was pending');
    assert.equal(mcidForEmail.callCount, 2, 'and the profile their email leads to');
    releaseClaims();
    const replies = [...(await first), ...(await again)];
    assert.equal(replies.length, 1, 'one delivery acted');
    assert.match(textOf(replies), /Link MCID 10203040 to Contoso/);
    assert.equal(await h.associationStore.getRecord('10203040'), null, 'a preview writes no record');
  });

  it('says "temporarily unavailable, nothing was changed" in the person’s language when the store is down, then recovers', async () => {
    let down = true;
    const flaky = unavailableWhen(new MemoryAssociationStore(), () => down);
    const h = await makeHarness({ associationStore: flaky });
    const fr = textOf(await h.say(people.alice, 'lier ma certification', { locale: 'fr-FR', id: 'retry-me' }));
    assert.match(fr, /momentanément indisponible\. Rien n’a été modifié/);
    const en = textOf(await h.say(people.alice, 'status'));
    assert.match(en, /temporarily unavailable\. Nothing was changed/);
    down = false;
    // The same activity, redelivered after the outage, is acted on: the failed turn gave its claim back.
    const after = await h.say(people.alice, 'lier ma certification', { locale: 'fr-FR', id: 'retry-me' });
    assert.match(textOf(after), /Lier le MCID 10203040 à Contoso/);
  });

  it('a click during an outage changes nothing and the same card works afterwards', async () => {
    let down = false;
    const real = new MemoryAssociationStore();
    const flaky = unavailableWhen(real, () => down);
    const h = await makeHarness({ associationStore: flaky });
    const confirm = button(await h.say(people.alice, 'link my certification'), 'link.confirm');
    down = true;
    assert.match(textOf((await h.click(people.alice, confirm)).body), /temporarily unavailable/);
    down = false;
    assert.equal(await real.getRecord('10203040'), null);
    assert.match(textOf((await h.click(people.alice, confirm)).body), /Linked to Contoso/);
  });
});

describe('sign in with another Microsoft Learning account (OAuthPrompt)', () => {
  function fakeJwt(claims: Record<string, string>): string {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${part({ alg: 'none' })}.${part(claims)}.sig`;
  }

  it('links the profile the token leads to, with no password in chat', async () => {
    const h = await makeHarness({ oauthConnectionName: 'learn', memberEmail: { emailOf: async (_: Turn) => 'bob@contoso.com' } });
    h.adapter.addUserToken('learn', 'msteams', `29:${people.bob.userId}`, fakeJwt({ preferred_username: 'karen.smith@outlook.com' }), '123456');
    const start = await h.say(people.bob, 'link my certification');
    assert.match(textOf(start), /Sign in with the account you use for Microsoft Learning instead/);
    const signIn = await h.click(people.bob, button(start, 'link.signIn'));
    const oauthCard = signIn.others.find((a) => a.attachments?.some((x) => x.contentType === 'application/vnd.microsoft.card.oauth'));
    assert.ok(oauthCard, 'an OAuth sign-in card is sent');
    const confirm = await h.say(people.bob, '123456');
    assert.match(textOf(confirm), /Link MCID \d+ to Contoso\?/);
    const done = await h.click(people.bob, button(confirm, 'link.confirm'));
    assert.match(textOf(done.body), /Linked to Contoso/);
    const record = await h.services.associations.recordOfPerson(people.bob.tenantId, people.bob.userId);
    assert.equal(record?.link?.proof, 'signin');
  });
});

describe('malformed card actions', () => {
  for (const value of [undefined, {}, { action: null }, { action: 'x' }, { action: { type: 'Action.Submit' } }]) {
    it(`answers ${JSON.stringify(value)} with 400`, async () => {
      const h = await makeHarness();
      const out = await h.raw(h.activity(people.alice, { type: 'invoke', name: 'adaptiveCard/action', value }, {}));
      const response = out.find((a) => a.type === 'invokeResponse')?.value as { status: number };
      assert.equal(response.status, 400);
    });
  }
});
