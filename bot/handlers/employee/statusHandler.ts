/** "status" / "when can I link again": the link, the associations in the window, the next date. */
import { statementCard } from '../../../cards/cardModels';
import { creditMayBePending } from '../../../services/association/associationRules';
import { formatDate } from '../../../services/i18n/locale';
import { say } from '../../i18n/say';
import { notifyMeButtons } from './linkHandler';
import { MessageHandler } from '../handlerTypes';

export const showStatus: MessageHandler = async (hc) => {
  const { associations, orgs, clock } = hc.services;
  const mine = await associations.recordOfPerson(hc.info.tenantId ?? '', hc.info.userId);
  let mcid = mine?.mcid ?? null;
  if (!mcid) {
    // Not linked (here): the history that decides the date is on the profile the person's email leads to.
    const email = await hc.services.memberEmail.emailOf(hc.turn);
    mcid = email ? ((await hc.services.profiles.findByEmail(email))?.mcid ?? null) : null;
  }
  if (!mcid) return { text: say(hc.locale, 'statusNoProfile') };

  // A linked person's record was just read: it is not read again.
  const { record, availability: av } = mine ? associations.statusOf(mine) : await associations.status(mcid);
  const now = clock.now();
  const lines: string[] = [];
  if (record.link) {
    const org = orgs.byMpnId(record.link.mpnId)?.name ?? record.link.mpnId;
    lines.push(say(hc.locale, 'statusLinked', { mcid, org, date: formatDate(record.link.since, hc.locale) }));
  } else {
    lines.push(say(hc.locale, 'statusNotLinked', { mcid }));
  }
  lines.push(say(hc.locale, 'statusUsed', { used: av.usedInWindow, max: associations.limits.maxPerWindow }));
  lines.push(av.blockedBy.length ? say(hc.locale, 'statusNextLater', { date: formatDate(av.date, hc.locale) }) : say(hc.locale, 'statusNextNow'));
  const facts = av.startsInWindow.map((s) => ({ label: formatDate(s.at, hc.locale), value: orgs.byMpnId(s.mpnId)?.name ?? s.mpnId }));
  const notes = [facts.length ? say(hc.locale, 'statusStarts') : say(hc.locale, 'statusNoStarts')];
  if (record.link && creditMayBePending(record.link, now)) notes.push(say(hc.locale, 'statusCreditPending'));

  const buttons = av.blockedBy.length ? await notifyMeButtons(hc, mcid, av.date) : [];
  return { card: statementCard({ title: say(hc.locale, 'statusTitle'), lines, notes, facts, buttons }) };
};
