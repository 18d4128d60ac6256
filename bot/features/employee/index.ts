/**
 * The employee's own commands (link, remove, status, certifications, Partner University), help,
 * and the fixed answers. Their phrases are in ./intents.ts.
 */
import type { Feature, HandlerContext } from '../feature';
import { showCertifications } from './certificationsHandler';
import type { EmployeeDeps } from './employeeDeps';
import { answerTypedCardReply, fixedAnswer, showHelp, whoSees, whoSeesReport } from './helpHandler';
import type { EmployeeIntent } from './intents';
import { confirmLink, LINK_CONFIRM, LINK_SIGN_IN, LINK_START, signInFromCard, startLink } from './linkHandler';
import { confirmRemove, startRemove, UNLINK_CONFIRM } from './removeHandler';
import { ACCESS_REMOVE_MCID, ACCESS_REMOVE_UNIVERSITY, removeAccess } from './removeAccessHandler';
import { showStatus } from './statusHandler';
import { removeUniversity, signInToUniversity, startUniversityLink, UNIVERSITY_SIGN_IN } from './universityHandler';

export function employeeFeature(d: EmployeeDeps): Feature<EmployeeIntent> {
  // Fixed answers and help read nothing of the organization: for guests too.
  const faq = (key: Parameters<typeof fixedAnswer>[2]) => ({ handle: (hc: HandlerContext) => fixedAnswer(hc, d, key), audience: 'everyone' as const });
  return {
    intents: {
      // Their answers show one person's data: personal chat only. Link, remove and Partner
      // University answer with a confirmation card, kept in the conversation state until clicked.
      // They act for or read the organization: members of its tenant only (audience 'member', the
      // default), and the clicks that change something need Teams to have confirmed the account.
      link: { handle: (hc) => startLink(hc, d), personalOnly: 'nudge', rateLimit: 'link', usesSession: true, readAhead: ['mine', 'byEmail'] },
      remove: { handle: (hc) => startRemove(hc, d), personalOnly: 'nudge', usesSession: true, readAhead: ['mine'] },
      status: { handle: (hc) => showStatus(hc, d), personalOnly: 'nudge', readAhead: ['mine', 'byEmail'] },
      certifications: { handle: (hc) => showCertifications(hc, d), personalOnly: 'nudge', readAhead: ['mine', 'byEmail'] },
      'university.link': { handle: (hc) => startUniversityLink(hc, d), personalOnly: 'nudge', rateLimit: 'link', usesSession: true },
      'university.remove': { handle: (hc) => removeUniversity(hc, d), personalOnly: 'nudge' },
      removeAccess: { handle: (hc) => removeAccess(hc, d), personalOnly: 'nudge', usesSession: true, readAhead: ['mine'] },
      help: { handle: (hc) => showHelp(hc, d), audience: 'everyone' },
      cardAnswer: { handle: (hc) => answerTypedCardReply(hc, d), audience: 'everyone' },
      'faq.howLink': faq('faqHowLink'),
      'faq.howUnlink': faq('faqHowUnlink'),
      'faq.movedCompany': faq('faqMovedCompany'),
      'faq.leftNoAccess': faq('faqLeftNoAccess'),
      'faq.adminNoResponse': faq('faqAdminNoResponse'),
      'faq.limited': faq('faqLimited'),
      'faq.reportDelay': faq('faqReportDelay'),
      'faq.whatIsMcid': faq('faqWhatIsMcid'),
      'faq.merge': faq('faqMerge'),
      'faq.support': faq('faqSupport'),
      'faq.oneOrg': faq('faqOneOrg'),
      'faq.whoSees': { handle: whoSees, audience: 'everyone' },
      'faq.whoSeesReport': { handle: whoSeesReport, audience: 'everyone' },
      thanks: faq('thanks'),
    },
    verbs: {
      [LINK_CONFIRM]: { handle: (hc, card) => confirmLink(hc, d, card), rateLimit: 'link', readAhead: ['mine', 'cardRecord', 'cardProfile'], audience: 'confirmedMember' },
      [LINK_SIGN_IN]: { handle: signInFromCard },
      [UNLINK_CONFIRM]: { handle: (hc, card) => confirmRemove(hc, d, card), audience: 'confirmedMember' },
      [ACCESS_REMOVE_MCID]: { handle: (hc) => startRemove(hc, d), readAhead: ['mine'] },
      [ACCESS_REMOVE_UNIVERSITY]: { handle: (hc) => removeUniversity(hc, d), audience: 'confirmedMember' },
      [UNIVERSITY_SIGN_IN]: { handle: signInToUniversity },
    },
    // "Link now" on a notice, an invitation or the status card: like typing "link my certification", for whoever clicks.
    publicVerbs: { [LINK_START]: { handle: (hc) => startLink(hc, d), rateLimit: 'link', readAhead: ['mine', 'byEmail'] } },
  };
}
