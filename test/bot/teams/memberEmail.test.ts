import { strict as assert } from 'node:assert';
import type { Turn } from '../../../bot/runtime/turn';
import { cachedMemberEmail } from '../../../bot/teams/memberEmail';

function ctx(userId: string): Turn {
  return { activity: { from: { id: userId }, conversation: { tenantId: 't' } } } as unknown as Turn;
}

describe('member email cache', () => {
  it('asks Teams once per person within the lifetime, and again after it', async () => {
    let calls = 0;
    let now = 1_000;
    const realNow = Date.now;
    Date.now = () => now;
    try {
      const lookup = cachedMemberEmail({ emailOf: async (c) => (calls++, `${c.activity.from?.id}@contoso.com`) }, 60_000);
      assert.equal(await lookup.emailOf(ctx('a')), 'a@contoso.com');
      assert.equal(await lookup.emailOf(ctx('a')), 'a@contoso.com');
      assert.equal(await lookup.emailOf(ctx('b')), 'b@contoso.com');
      assert.equal(calls, 2);
      now += 61_000;
      await lookup.emailOf(ctx('a'));
      assert.equal(calls, 3);
    } finally {
      Date.now = realNow;
    }
  });

  it('does not remember a miss', async () => {
    let calls = 0;
    const lookup = cachedMemberEmail({ emailOf: async () => (calls++, null) });
    await lookup.emailOf(ctx('a'));
    await lookup.emailOf(ctx('a'));
    assert.equal(calls, 2);
  });
});
