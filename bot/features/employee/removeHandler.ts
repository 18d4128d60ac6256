/** "remove my certification": the person ends their own link, after a confirmation (R5). */
import { confirmCard, statementCard } from '../../../cards/cardModels';
import { availability } from '../../../services/association/associationRules';
import { formatDate } from '../../../services/i18n/locale';
import { say } from '../../../services/i18n/say';
import { HandlerContext, Reply } from '../feature';
import { PendingCard } from '../pendingCards';
import { EmployeeDeps } from './employeeDeps';
import { limitWording } from '../../../services/association/limitWording';

export const UNLINK_CONFIRM = 'unlink.confirm';

/**
 * Nothing linked by this Teams account, but the profile its email leads to is linked by another
 * one (the same person's account at another company, say): say so, as the status card does,
 * rather than "nothing to remove". Only the account that linked it may remove it (R5).
 */
export async function linkedElsewhere(hc: HandlerContext, d: EmployeeDeps): Promise<string | null> {
  const { record } = await hc.reads.byEmail();
  if (!record?.link) return null;
  const org = d.orgs.nameOf(record.link.mpnId);
  const text = say(hc.locale, 'removeOtherAccount', { mcid: record.mcid, org });
  return record.link.mpnId === hc.org.mpnId ? text : `${text} ${say(hc.locale, 'removeOtherAccountMove', { here: hc.org.name })}`;
}

export async function startRemove(hc: HandlerContext, d: EmployeeDeps): Promise<Reply> {
  const record = await hc.reads.mine();
  if (!record?.link) return { text: (await linkedElsewhere(hc, d)) ?? say(hc.locale, 'removeNothing') };
  const org = d.orgs.nameOf(record.link.mpnId);
  const cardId = await hc.pending.issue({
    verbs: [UNLINK_CONFIRM, 'card.cancel'],
    forUser: hc.info.userId,
    tenantId: hc.info.tenantId ?? '',
    payload: { mcid: record.mcid },
  });
  return {
    card: confirmCard({
      title: say(hc.locale, 'confirmRemoveTitle', { mcid: record.mcid, org }),
      lines: [say(hc.locale, 'confirmRemoveBody', { ...limitWording(d.associations.limits, hc.locale), org })],
      confirmTitle: say(hc.locale, 'confirm'),
      cancelTitle: say(hc.locale, 'cancel'),
      confirmVerb: UNLINK_CONFIRM,
      cardId,
    }),
  };
}

export async function confirmRemove(hc: HandlerContext, d: EmployeeDeps, card: PendingCard): Promise<Reply> {
  const outcome = await d.associations.unlink(card.payload.mcid, hc.info.userId);
  if (outcome.kind === 'notLinked') return { text: say(hc.locale, 'removeNothing') };
  if (outcome.kind === 'notOwner') return { text: say(hc.locale, 'removeNotOwner') };
  const org = d.orgs.nameOf(outcome.ended.mpnId);
  const next = availability(outcome.record.starts, d.clock.now(), d.associations.limits);
  return {
    card: statementCard({
      title: say(hc.locale, 'removedTitle'),
      lines: [say(hc.locale, 'removedBody', { mcid: outcome.record.mcid, org })],
      notes: [next.blockedBy.length ? say(hc.locale, 'removedNext', { date: formatDate(next.date, hc.dates) }) : say(hc.locale, 'statusNextNow')],
    }),
  };
}
