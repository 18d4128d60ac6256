/** "remove my certification": the person ends their own link, after a confirmation (R5). */
import { confirmCard, statementCard } from '../../../cards/cardModels';
import { availability } from '../../../services/association/associationRules';
import { formatDate } from '../../../services/i18n/locale';
import { say } from '../../i18n/say';
import { CardActionHandler, HandlerContext, MessageHandler } from '../handlerTypes';
import { limitWording } from '../../../services/association/limitWording';

export const UNLINK_CONFIRM = 'unlink.confirm';

/**
 * Nothing linked by this Teams account, but the profile its email leads to is linked by another
 * one (the same person's account at another company, say): say so, as the status card does,
 * rather than "nothing to remove". Only the account that linked it may remove it (R5).
 */
async function linkedElsewhere(hc: HandlerContext): Promise<string | null> {
  const { record } = await hc.reads.byEmail();
  if (!record?.link) return null;
  const org = hc.services.orgs.nameOf(record.link.mpnId);
  const text = say(hc.locale, 'removeOtherAccount', { mcid: record.mcid, org });
  return record.link.mpnId === hc.org.mpnId ? text : `${text} ${say(hc.locale, 'removeOtherAccountMove', { here: hc.org.name })}`;
}

export const startRemove: MessageHandler = async (hc) => {
  const record = await hc.reads.mine();
  if (!record?.link) return { text: (await linkedElsewhere(hc)) ?? say(hc.locale, 'removeNothing') };
  const org = hc.services.orgs.nameOf(record.link.mpnId);
  const cardId = await hc.pending.issue({
    verbs: [UNLINK_CONFIRM, 'card.cancel'],
    forUser: hc.info.userId,
    tenantId: hc.info.tenantId ?? '',
    payload: { mcid: record.mcid },
  });
  return {
    card: confirmCard({
      title: say(hc.locale, 'confirmRemoveTitle', { mcid: record.mcid, org }),
      lines: [say(hc.locale, 'confirmRemoveBody', { ...limitWording(hc.services.associations.limits, hc.locale), org })],
      confirmTitle: say(hc.locale, 'confirm'),
      cancelTitle: say(hc.locale, 'cancel'),
      confirmVerb: UNLINK_CONFIRM,
      cardId,
    }),
  };
};

export const confirmRemove: CardActionHandler = async (hc, card) => {
  const outcome = await hc.services.associations.unlink(card.payload.mcid, hc.info.userId);
  if (outcome.kind === 'notLinked') return { text: say(hc.locale, 'removeNothing') };
  if (outcome.kind === 'notOwner') return { text: say(hc.locale, 'removeNotOwner') };
  const org = hc.services.orgs.nameOf(outcome.ended.mpnId);
  const next = availability(outcome.record.starts, hc.services.clock.now(), hc.services.associations.limits);
  return {
    card: statementCard({
      title: say(hc.locale, 'removedTitle'),
      lines: [say(hc.locale, 'removedBody', { mcid: outcome.record.mcid, org })],
      notes: [next.blockedBy.length ? say(hc.locale, 'removedNext', { date: formatDate(next.date, hc.locale) }) : say(hc.locale, 'statusNextNow')],
    }),
  };
};
