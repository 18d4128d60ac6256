/**
 * Partner Center's « Supprimer l'accès » / "remove access": the page's way to unlink the MCID and
 * to remove Partner University access. It ends whichever of the two exists, or asks which.
 */
import { choiceCard } from '../../../cards/cardModels';
import { say } from '../../../services/i18n/say';
import { HandlerContext, Reply } from '../feature';
import { EmployeeDeps } from './employeeDeps';
import { linkedElsewhere, startRemove } from './removeHandler';
import { removeUniversity } from './universityHandler';

export const ACCESS_REMOVE_MCID = 'access.removeMcid';
export const ACCESS_REMOVE_UNIVERSITY = 'access.removeUniversity';

export async function removeAccess(hc: HandlerContext, d: EmployeeDeps): Promise<Reply> {
  const [record, university] = await Promise.all([hc.reads.mine(), d.university.get(hc.info.tenantId ?? '', hc.info.userId)]);
  if (record?.link && university) {
    const cardId = await hc.pending.issue({ verbs: [ACCESS_REMOVE_MCID, ACCESS_REMOVE_UNIVERSITY], forUser: hc.info.userId, tenantId: hc.info.tenantId ?? '', payload: {} });
    const org = d.orgs.nameOf(record.link.mpnId);
    return {
      card: choiceCard({
        title: say(hc.locale, 'removeAccessTitle'),
        lines: [say(hc.locale, 'removeAccessBoth', { mcid: record.mcid, org, account: university.account })],
        choices: [
          { title: say(hc.locale, 'removeAccessMcid'), verb: ACCESS_REMOVE_MCID, cardId },
          { title: say(hc.locale, 'removeAccessUniversity'), verb: ACCESS_REMOVE_UNIVERSITY, cardId },
        ],
      }),
    };
  }
  if (university) return removeUniversity(hc, d);
  if (record?.link) return startRemove(hc, d);
  return { text: (await linkedElsewhere(hc, d)) ?? say(hc.locale, 'removeAccessNothing') };
}
