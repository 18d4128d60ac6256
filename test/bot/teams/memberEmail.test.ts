import { strict as assert } from 'node:assert';
import type { Turn } from '../../../bot/runtime/turn';
import { cachedMembers, teamsPerson } from '../../../bot/teams/memberEmail';

function ctx(userId: string): Turn {
  return { activity: { from: { id: userId }, conversation: { tenantId: 't' } } } as unknown as Turn;
}

const person = (email: string | null) => ({ email, upn: email, guest: false });

describe('member lookup cache', () => {
  it('asks Teams once per person within the lifetime, and again after it', async () => {
    let calls = 0;
    let now = 1_000;
    const realNow = Date.now;
    Date.now = () => now;
    try {
      const lookup = cachedMembers({ personOf: async (c) => (calls++, person(`${c.activity.from?.id}@contoso.com`)) }, 60_000);
      assert.equal((await lookup.personOf(ctx('a')))?.email, 'a@contoso.com');
      assert.equal((await lookup.personOf(ctx('a')))?.email, 'a@contoso.com');
      assert.equal((await lookup.personOf(ctx('b')))?.email, 'b@contoso.com');
      assert.equal(calls, 2);
      now += 61_000;
      await lookup.personOf(ctx('a'));
      assert.equal(calls, 3);
    } finally {
      Date.now = realNow;
    }
  });

  it('does not remember a miss, nor an answer without an address', async () => {
    let calls = 0;
    const missing = cachedMembers({ personOf: async () => (calls++, null) });
    await missing.personOf(ctx('a'));
    await missing.personOf(ctx('a'));
    assert.equal(calls, 2);
    const noAddress = cachedMembers({ personOf: async () => (calls++, person(null)) });
    await noAddress.personOf(ctx('a'));
    await noAddress.personOf(ctx('a'));
    assert.equal(calls, 4);
  });
});

describe('who Teams says a member is', () => {
  it('reads the email, the sign-in name, and a guest from its role or its #EXT# sign-in name', () => {
    assert.deepEqual(teamsPerson({ email: 'alice@contoso.com', userPrincipalName: 'alice@contoso.com', userRole: 'user' }), { email: 'alice@contoso.com', upn: 'alice@contoso.com', guest: false });
    assert.equal(teamsPerson({ email: 'hugo@fabrikam.com', userPrincipalName: 'hugo_fabrikam.com#EXT#@contoso.onmicrosoft.com', userRole: 'user' }).guest, true);
    assert.equal(teamsPerson({ email: 'hugo@fabrikam.com', userPrincipalName: 'hugo@fabrikam.com', userRole: 'guest' }).guest, true);
    assert.equal(teamsPerson({ userRole: 'anonymous' }).guest, true);
    assert.deepEqual(teamsPerson({ email: 'not an address' }), { email: null, upn: null, guest: false });
  });
});
