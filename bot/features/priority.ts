/**
 * What people say, in priority order: the first phrase that matches wins. Each feature keeps
 * its phrases next to its handlers (its intents.ts); this list says where each stands. Specific
 * phrases come before general ones ("remove alice@… from the report" before "remove my
 * certification"; "unlink"/"délier"/"dissocier" before "link"/"lier"/"associer"; questions that
 * start with how/comment before the commands they mention).
 */
import type { IntentPattern } from '../intents/intentPattern';
import { AdminIntent, adminPhrases as admin } from './admin/intents';
import { EmployeeIntent, employeePhrases as employee } from './employee/intents';
import { NoticeIntent, noticesPhrases as notices } from './notices/intents';
import { PrivacyIntent, privacyPhrases as privacy } from './privacy/intents';
import { RenewalIntent, renewalPhrases as renewals } from './renewals/intents';

export type IntentName = EmployeeIntent | AdminIntent | NoticeIntent | PrivacyIntent | RenewalIntent;

export const intentPriority: IntentPattern<IntentName>[] = [
  // Before everything: "delete my data" must never read as "remove my certification".
  privacy.deleteMyData,
  employee.whoSeesReport,
  employee.whoSees,
  privacy.myData,
  employee.howCertificationsCount,
  admin.removeFromReport,
  admin.revokePartnerAdmin,
  admin.grantPartnerAdmin,
  admin.listAdmins,
  admin.auditLog,
  employee.merge,
  employee.support,
  employee.reportDelay,
  employee.whatIsMcid,
  admin.report,
  // Before "stop notifications": "unsubscribe from the monthly digest" is about the digest only.
  renewals.unsubscribeDigest,
  renewals.subscribeDigest,
  renewals.mine,
  notices.remindMembers,
  notices.stop,
  notices.start,
  employee.oneOrg,
  employee.movedCompany,
  employee.leftNoAccess,
  employee.adminNoResponse,
  // Partner University in any words ("how do I link Partner University?") is about that account,
  // before the questions about the MCID's link below.
  employee.universityRemove,
  employee.removeAccess,
  employee.universityLink,
  employee.statusLeft,
  employee.limited,
  employee.howUnlink,
  employee.howLink,
  employee.removeInOtherWords,
  employee.certifications,
  employee.status,
  employee.remove,
  employee.statusIsLinked,
  employee.link,
  employee.cardAnswer,
  employee.thanks,
  employee.help,
];

/** Every feature's phrases, to check that each has its place above. */
export const everyPhrase: IntentPattern<IntentName>[] = [...Object.values(employee), ...Object.values(admin), ...Object.values(notices), ...Object.values(privacy), ...Object.values(renewals)];
