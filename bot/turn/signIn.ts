/**
 * "Sign in with another Microsoft Learning account": the runtime's OAuth prompt asks for the
 * account; the token it brings back names the profile to link. The password goes to Microsoft's
 * sign-in page, never into the chat (R5).
 */
import { ProfileStore } from '../../services/directory/profileStore';
import { OrgDirectory } from '../../services/directory/orgDirectory';
import { CertificationProfile } from '../../services/directory/types';
import type { HandlerContext, Reply } from '../features/feature';
import type { SignInKind } from '../runtime/turn';
import { say } from '../../services/i18n/say';
import { safeReply } from './safeReply';
import { TurnScope } from './turnScope';

export interface SignInDeps {
  orgs: OrgDirectory;
  profiles: Pick<ProfileStore, 'findByEmail'>;
  /** What the profile found leads to: the link's preview. */
  preview(hc: HandlerContext, profile: CertificationProfile): Promise<Reply>;
  /** A Partner University sign-in proved this account: link it. */
  universityLinked(hc: HandlerContext, account: string): Promise<Reply>;
}

export async function afterSignIn(deps: SignInDeps, scope: TurnScope, token: string | null, kind: SignInKind = 'learning'): Promise<void> {
  const { info, turn } = scope;
  const org = deps.orgs.forTenant(info.tenantId);
  if (!org) return;
  if (!token) {
    await turn.send({ text: say(info.locale, 'linkSignInFailed') });
    return;
  }
  // Signing in proves the MCID is the person's, not that this Teams account may link it for the organization.
  const refusal = await scope.audienceRefusal('member');
  if (refusal) {
    await turn.send(safeReply({ text: say(info.locale, refusal, { org: org.name }) }));
    return;
  }
  const email = emailFromToken(token);
  if (kind === 'university') {
    // The account the Partner University sign-in names, never the Teams email.
    await turn.send(safeReply(email ? await deps.universityLinked(scope.handlerContext(info.locale, org), email) : { text: say(info.locale, 'uniSignInNoAccount') }));
    return;
  }
  const profile = email ? await deps.profiles.findByEmail(email) : null;
  if (!profile) {
    await turn.send({ text: say(info.locale, 'linkSignInNoProfile') });
    return;
  }
  await turn.send(safeReply(await deps.preview(scope.handlerContext(info.locale, org), profile)));
}

/**
 * The sign-in email carried by a token from the Bot Framework token service.
 * The token reached us over the authenticated channel from the token service,
 * so its claims are read, not re-verified here; a token that is not a JWT or
 * carries no address yields null.
 */
export function emailFromToken(token: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    for (const name of ['email', 'preferred_username', 'upn', 'unique_name']) {
      const value = claims[name];
      if (typeof value === 'string' && value.includes('@')) return value;
    }
    return null;
  } catch {
    return null;
  }
}
