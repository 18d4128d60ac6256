/** "my certifications": the exams and certifications on the person's profile, and whether they count for an organization. */
import { statementCard } from '../../../cards/cardModels';
import { CertificationProfile } from '../../../services/directory/types';
import { say } from '../../../services/i18n/say';
import { HandlerContext, Reply } from '../feature';
import { EmployeeDeps } from './employeeDeps';
import { assessmentSection } from './assessmentSection';
import { certificationFacts } from './certificationFacts';
import { LINK_START } from './linkHandler';

/** A profile with more is cut here, with "… and N more": a card is read on a phone too. */
export const MAX_LISTED_CERTIFICATIONS = 20;

export async function showCertifications(hc: HandlerContext, d: EmployeeDeps): Promise<Reply> {
  // Both read ahead, beside the turn's claim (see readAhead in ./index.ts).
  const [mine, byEmail, section] = await Promise.all([hc.reads.mine(), hc.reads.byEmail(), assessmentSection(hc, d, MAX_LISTED_CERTIFICATIONS)]);
  // The linked profile, when there is one (it may be another account's, signed in with); else the one the email leads to.
  const profile = mine ? await linkedProfile(hc, mine.mcid, byEmail.profile) : byEmail.profile;
  if (!profile && section) return { card: statementCard({ title: say(hc.locale, 'certificationsTitle'), lines: [say(hc.locale, 'statusNoProfile')], section }) };
  if (!profile) return { text: say(hc.locale, 'statusNoProfile') };
  const { mcid, certifications } = profile;
  // The profile's record: the person's own link, or the one the email's profile has (perhaps made from their other Teams account).
  const record = mine ?? byEmail.record;
  const link = record?.mcid === mcid ? record.link : null;
  const lines = [link ? say(hc.locale, 'certificationsLinked', { mcid, org: d.orgs.nameOf(link.mpnId) }) : say(hc.locale, 'certificationsNotLinked', { mcid })];
  if (certifications.length === 0) lines.push(say(hc.locale, 'certificationsNone'));
  const facts = certificationFacts(certifications, hc.locale, d.clock.now(), { limit: MAX_LISTED_CERTIFICATIONS, withDates: true, dates: hc.dates });
  const notes = certifications.length > facts.length ? [say(hc.locale, 'certificationsMore', { count: certifications.length - facts.length })] : [];
  notes.push(say(hc.locale, 'certificationsSource'));
  // Not linked: link from here if the rules allow it now (the status card says when otherwise).
  const canLinkNow = !link && (!record || d.associations.statusOf(record).availability.blockedBy.length === 0);
  const buttons = canLinkNow ? [{ title: say(hc.locale, 'cmdLink'), verb: LINK_START, cardId: '' }] : [];
  return { card: statementCard({ title: say(hc.locale, 'certificationsTitle'), lines, facts, notes, buttons, ...(section ? { section } : {}) }) };
}

async function linkedProfile(hc: HandlerContext, mcid: string, fromEmail: CertificationProfile | null): Promise<CertificationProfile | null> {
  return fromEmail?.mcid === mcid ? fromEmail : hc.reads.profile(mcid);
}
