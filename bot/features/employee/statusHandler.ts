/** "status" / "when can I link again": the link, the associations in the window, the next date. */
import { statementCard } from '../../../cards/cardModels';
import { creditMayBePending } from '../../../services/association/associationRules';
import { formatDate } from '../../../services/i18n/locale';
import { blockingReasons } from '../../../services/association/refusalMessage';
import { say } from '../../../services/i18n/say';
import { LINK_START, notifyMeButtons } from './linkHandler';
import { HandlerContext, Reply } from '../feature';
import { EmployeeDeps } from './employeeDeps';
import { limitWording } from '../../../services/association/limitWording';

export async function showStatus(hc: HandlerContext, d: EmployeeDeps): Promise<Reply> {
  const { associations, orgs, clock } = d;
  // Both read ahead, beside the turn's claim (see readAhead in ./index.ts).
  const mine = await hc.reads.mine();
  // Not linked (here): the history that decides the date is on the profile the person's email leads to.
  const record = mine ?? (await hc.reads.byEmail()).record;
  if (!record) return { text: say(hc.locale, 'statusNoProfile') };
  const mcid = record.mcid;
  const { availability: av } = associations.statusOf(record);
  const now = clock.now();
  const lines: string[] = [];
  if (record.link) {
    const org = orgs.nameOf(record.link.mpnId);
    lines.push(say(hc.locale, 'statusLinked', { mcid, org, date: formatDate(record.link.since, hc.dates) }));
  } else {
    lines.push(say(hc.locale, 'statusNotLinked', { mcid }));
  }
  lines.push(say(hc.locale, 'statusUsed', { used: av.usedInWindow, max: associations.limits.maxPerWindow }));
  if (av.blockedBy.length) {
    // The date, and which limit sets it, as the refusal card says it: nobody has to try a link to learn why.
    lines.push(say(hc.locale, 'statusNextLater', { date: formatDate(av.date, hc.dates) }));
    lines.push(...blockingReasons({ blockedBy: av.blockedBy, nextDate: av.date, usedInWindow: av.usedInWindow }, associations.limits, hc.locale));
  } else {
    lines.push(say(hc.locale, 'statusNextNow'));
  }
  const facts = av.startsInWindow.map((s) => ({ label: formatDate(s.at, hc.dates), value: orgs.nameOf(s.mpnId) }));
  // The heading of the dates is the last line, so the card shows it right above them.
  const { inWindow, windowRule } = limitWording(associations.limits, hc.locale);
  lines.push(say(hc.locale, facts.length ? 'statusStarts' : 'statusNoStarts', { inWindow }));
  // Which window is in force: the date above follows from it.
  const notes = [windowRule, ...(record.link && creditMayBePending(record.link, now) ? [say(hc.locale, 'statusCreditPending')] : [])];

  // Blocked: be told on the day. Free to link and not linked: link from here (a public action, no card to keep).
  const status = { title: say(hc.locale, 'statusTitle'), lines, notes, facts };
  const buttons = av.blockedBy.length ? await notifyMeButtons(hc, d, mcid, av.date, status) : record.link ? [] : [{ title: say(hc.locale, 'cmdLink'), verb: LINK_START, cardId: '' }];
  return { card: statementCard({ ...status, buttons }) };
}
