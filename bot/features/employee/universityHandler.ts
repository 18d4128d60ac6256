/** R9: link and remove a Partner University account, with the same email shortcut. */
import { choiceCard } from '../../../cards/cardModels';
import { say } from '../../../services/i18n/say';
import { HandlerContext, Reply } from '../feature';
import { PendingCard } from '../pendingCards';
import { EmployeeDeps } from './employeeDeps';

export const UNIVERSITY_USE_EMAIL = 'university.useEmail';

export async function startUniversityLink(hc: HandlerContext, d: EmployeeDeps): Promise<Reply> {
  const existing = await d.university.get(hc.info.tenantId ?? '', hc.info.userId);
  if (existing) return { text: say(hc.locale, 'uniAlready', { account: existing.account }) };
  const email = await hc.reads.email();
  if (!email) return { text: say(hc.locale, 'uniNoEmail') };
  const cardId = await hc.pending.issue({
    verbs: [UNIVERSITY_USE_EMAIL],
    forUser: hc.info.userId,
    tenantId: hc.info.tenantId ?? '',
    payload: { account: email },
  });
  return {
    card: choiceCard({
      title: say(hc.locale, 'uniStartTitle'),
      lines: [say(hc.locale, 'uniStartBody'), say(hc.locale, 'uniUseEmail', { email })],
      choices: [{ title: say(hc.locale, 'uniLinkWithEmail', { email }), verb: UNIVERSITY_USE_EMAIL, cardId }],
    }),
  };
}

export async function confirmUniversityLink(hc: HandlerContext, d: EmployeeDeps, card: PendingCard): Promise<Reply> {
  const out = await d.university.link(hc.info.tenantId ?? '', hc.info.userId, card.payload.account);
  return { text: say(hc.locale, out.kind === 'linked' ? 'uniLinked' : 'uniAlready', { account: out.link.account }) };
}

export async function removeUniversity(hc: HandlerContext, d: EmployeeDeps): Promise<Reply> {
  const out = await d.university.remove(hc.info.tenantId ?? '', hc.info.userId);
  return { text: out.kind === 'removed' ? say(hc.locale, 'uniRemoved', { account: out.link.account }) : say(hc.locale, 'uniNothing') };
}
