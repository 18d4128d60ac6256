/**
 * R9: link and remove a Partner University account. The page asks for the Partner University
 * account's own credentials (not the Partner Center one), so the account is proven by signing in
 * to it on its own OAuth connection (UNIVERSITY_OAUTH_CONNECTION_NAME), never by the Teams email.
 */
import { choiceCard } from '../../../cards/cardModels';
import { say } from '../../../services/i18n/say';
import { HandlerContext, Reply } from '../feature';
import { EmployeeDeps } from './employeeDeps';

export const UNIVERSITY_SIGN_IN = 'university.signIn';

export async function startUniversityLink(hc: HandlerContext, d: EmployeeDeps): Promise<Reply> {
  const existing = await d.university.get(hc.info.tenantId ?? '', hc.info.userId);
  if (existing) return { text: say(hc.locale, 'uniAlready', { account: existing.account }) };
  if (!d.universitySignIn) return { text: say(hc.locale, 'uniNotOffered') };
  const cardId = await hc.pending.issue({ verbs: [UNIVERSITY_SIGN_IN], forUser: hc.info.userId, tenantId: hc.info.tenantId ?? '', payload: {} });
  return {
    card: choiceCard({
      title: say(hc.locale, 'uniStartTitle'),
      lines: [say(hc.locale, 'uniStartBody')],
      choices: [{ title: say(hc.locale, 'uniSignIn'), verb: UNIVERSITY_SIGN_IN, cardId }],
    }),
  };
}

/** The card's button: the runtime's OAuth prompt, on the Partner University connection. */
export async function signInToUniversity(hc: HandlerContext): Promise<Reply> {
  await hc.turn.beginSignIn('university');
  return { text: say(hc.locale, 'uniSignInPrompt') };
}

/** The sign-in came back with the Partner University account it proved. */
export async function universitySignedIn(hc: HandlerContext, d: EmployeeDeps, account: string): Promise<Reply> {
  const out = await d.university.link(hc.info.tenantId ?? '', hc.info.userId, account);
  return { text: say(hc.locale, out.kind === 'linked' ? 'uniLinked' : 'uniAlready', { account: out.link.account }) };
}

export async function removeUniversity(hc: HandlerContext, d: EmployeeDeps): Promise<Reply> {
  const out = await d.university.remove(hc.info.tenantId ?? '', hc.info.userId);
  return { text: out.kind === 'removed' ? say(hc.locale, 'uniRemoved', { account: out.link.account }) : say(hc.locale, 'uniNothing') };
}
