/**
 * "link my certification": find the person's profile by their Teams email (or
 * by signing in), show what linking will do, and link on their click (R1–R6, R8).
 */
import { confirmCard, ExecuteButton, Fact, statementCard, StatementCardData } from '../../../cards/cardModels';
import { isExpired } from '../../../services/directory/certifications';
import { LinkDecision, LinkRequest } from '../../../services/association/associationRules';
import { blockingReasons, r4Message } from '../../../services/association/refusalMessage';
import { McidRecord, OwnershipProof } from '../../../services/association/types';
import { CertificationProfile } from '../../../services/directory/types';
import { formatDate } from '../../../services/i18n/locale';
import { say } from '../../../services/i18n/say';
import { HandlerContext, Reply } from '../feature';
import { PendingCard } from '../pendingCards';
import { EmployeeDeps } from './employeeDeps';
import { limitWording } from '../../../services/association/limitWording';
import { typedMcid } from '../../intents/typedMcid';
import { certificationFacts } from './certificationFacts';

export const LINK_CONFIRM = 'link.confirm';
export const LINK_SIGN_IN = 'link.signIn';
/** "Link now" on a notice, an invitation or the status card: public, it starts the clicker's own link flow. */
export const LINK_START = 'link.start';
export const NOTIFY_ME = 'notices.notifyMe';

function requestFor(hc: HandlerContext, proof: OwnershipProof): LinkRequest {
  return { mpnId: hc.org.mpnId, tenantId: hc.info.tenantId ?? '', userId: hc.info.userId, proof };
}

async function signInButton(hc: HandlerContext, d: EmployeeDeps): Promise<ExecuteButton[]> {
  if (!d.signIn) return [];
  const cardId = await hc.pending.issue({ verbs: [LINK_SIGN_IN], forUser: hc.info.userId, tenantId: hc.info.tenantId ?? '', payload: {} });
  return [{ title: say(hc.locale, 'linkSignIn'), verb: LINK_SIGN_IN, cardId }];
}

/**
 * A "Notify me" button for the day a new link is allowed, when notices run. `keep`: the card it is
 * on, which its click answers with again (plus what it did): the click replaces the card, and must
 * never replace a refusal's words with less.
 */
export async function notifyMeButtons(hc: HandlerContext, d: EmployeeDeps, mcid: string, dueAt: Date, keep: StatementCardData): Promise<ExecuteButton[]> {
  if (!d.notices) return [];
  const cardId = await hc.pending.issue({
    verbs: [NOTIFY_ME],
    forUser: hc.info.userId,
    tenantId: hc.info.tenantId ?? '',
    payload: { mcid, dueAt: dueAt.toISOString(), keep: JSON.stringify({ ...keep, buttons: [] }) },
  });
  return [{ title: say(hc.locale, 'notifyMe'), verb: NOTIFY_ME, cardId }];
}

/**
 * Someone refused wanted to link, so a notice for the next date is scheduled right away (the
 * worker checks again, and respects "stop notifications"). The card says what will happen on
 * that day; "Notify me" is offered only when the notice could not be planned.
 */
async function refusalNotice(hc: HandlerContext, d: EmployeeDeps, mcid: string, dueAt: Date, refusal: StatementCardData): Promise<{ lines: string[]; buttons: ExecuteButton[] }> {
  const notices = d.notices;
  if (!notices) return { lines: [], buttons: [] };
  const tenantId = hc.info.tenantId ?? '';
  const [enabled, scheduled] = await Promise.all([
    notices.prefs.noticesEnabled(tenantId, hc.info.userId).catch(() => true),
    notices.scheduler.schedule({ tenantId, userId: hc.info.userId, mcid, dueAt, reason: 'refused' }).then(
      () => true,
      () => false, // a notice that could not be queued must not turn the refusal into an error
    ),
  ]);
  if (!enabled) return { lines: [say(hc.locale, 'refusalNoticesOff')], buttons: [] };
  // Not queued: nothing is promised, and "Notify me" lets the person try again.
  if (!scheduled) return { lines: [], buttons: await notifyMeButtons(hc, d, mcid, dueAt, refusal) };
  return { lines: [say(hc.locale, 'willNotify', { date: formatDate(dueAt, hc.dates) })], buttons: [] };
}

/** The refusal card: R4's exact words, the date, what blocked, and the notice for that date. `lead`: lines said first. */
export async function refusalReply(hc: HandlerContext, d: EmployeeDeps, mcid: string, decision: Extract<LinkDecision, { kind: 'refused' }>, lead: string[] = []): Promise<Reply> {
  const refusal: StatementCardData = {
    title: say(hc.locale, 'refusedTitle'),
    tone: 'attention',
    lines: [...lead, r4Message(decision.nextDate, d.associations.limits, hc.locale, hc.dates), ...blockingReasons(decision, d.associations.limits, hc.locale)],
  };
  const notice = await refusalNotice(hc, d, mcid, decision.nextDate, refusal);
  return { card: statementCard({ ...refusal, lines: [...refusal.lines, ...notice.lines], buttons: notice.buttons }) };
}

/**
 * What the link will bring the organization: only what is valid on the link date counts (exams
 * and certifications said apart); expired ones are named apart, as not counting.
 */
function countedOnLink(hc: HandlerContext, profile: CertificationProfile, org: string, now: Date): { lines: string[]; facts: Fact[] } {
  const valid = profile.certifications.filter((c) => !isExpired(c, now));
  const expired = profile.certifications.filter((c) => isExpired(c, now));
  const exams = valid.filter((c) => c.type === 'exam').length;
  const lines = [valid.length ? say(hc.locale, 'confirmLinkBody', { org, certs: valid.length - exams, exams }) : say(hc.locale, 'confirmLinkNone', { org })];
  if (expired.length) lines.push(say(hc.locale, 'confirmLinkExpired', { count: expired.length, list: expired.map((c) => c.number).join(', ') }));
  return { lines, facts: certificationFacts(valid, hc.locale, now, { dates: hc.dates, withType: true }) };
}

/** A text reply that says `lead` first. */
function textReply(lead: string[], text: string): Reply {
  return { text: [...lead, text].join('\n\n') };
}

/**
 * What to say first when the message named an MCID that is not the person's own ("link MCID
 * 10214150"): typing an MCID never links it (R5), so the person must not believe it did. It says
 * nothing about the typed MCID itself, so nobody learns whether it exists or who holds it.
 */
function typedMcidLead(hc: HandlerContext, d: EmployeeDeps, found: { email: string | null; profile: CertificationProfile | null }, mine: McidRecord | null): string[] {
  const typed = typedMcid(hc.turn.activity.text);
  if (!typed || typed === found.profile?.mcid || typed === mine?.mcid) return [];
  if (!found.profile || !found.email) return [say(hc.locale, 'typedMcidNoProfile')];
  const key = d.signIn ? 'typedMcidNotYoursSignIn' : 'typedMcidNotYours';
  return [say(hc.locale, key, { typed, email: found.email, mcid: found.profile.mcid })];
}

/** The confirmation button's short label, and the sentence it stands for, said on the card. */
interface ConfirmWords {
  title: string;
  line?: string;
}

/**
 * What to show for a decision before anything is written. `current`: the profile's record, if
 * already read; `lead`: lines said first.
 */
async function previewReply(hc: HandlerContext, d: EmployeeDeps, profile: CertificationProfile, proof: OwnershipProof, confirm: ConfirmWords, current?: McidRecord, lead: string[] = []): Promise<Reply> {
  const { decision, record } = await d.associations.preview(profile.mcid, requestFor(hc, proof), current);
  const org = hc.org.name;
  switch (decision.kind) {
    case 'noop':
      return textReply(lead, say(hc.locale, 'alreadyLinked', { mcid: profile.mcid, org }));
    case 'ownedByOther':
      return { card: statementCard({ title: '', lines: [...lead, say(hc.locale, 'ownedByOther')], buttons: await signInButton(hc, d) }) };
    case 'refused':
      return refusalReply(hc, d, profile.mcid, decision, lead);
    case 'takeover':
    case 'allowed': {
      const counted = countedOnLink(hc, profile, org, d.clock.now());
      const lines = [...lead, ...(confirm.line ? [confirm.line] : []), ...counted.lines];
      if (decision.kind === 'allowed') {
        if (decision.switchFrom) lines.push(say(hc.locale, 'confirmLinkSwitch', { from: d.orgs.nameOf(decision.switchFrom) }));
        lines.push(say(hc.locale, 'confirmLinkUsed', { ...limitWording(d.associations.limits, hc.locale), used: decision.usedAfter }));
        lines.push(say(hc.locale, 'confirmLinkNext', { date: formatDate(decision.nextDateAfter, hc.dates) }));
      }
      const cardId = await hc.pending.issue({
        verbs: [LINK_CONFIRM, 'card.cancel'],
        forUser: hc.info.userId,
        tenantId: hc.info.tenantId ?? '',
        payload: { mcid: profile.mcid, mpnId: hc.org.mpnId, proof, version: String(record.version) },
      });
      const extraButtons = proof === 'email' ? await signInButton(hc, d) : [];
      if (extraButtons.length) lines.push(say(hc.locale, 'linkSignInHint'));
      return {
        card: confirmCard({
          title: say(hc.locale, 'confirmLinkTitle', { mcid: profile.mcid, org }),
          lines,
          facts: counted.facts,
          confirmTitle: confirm.title,
          cancelTitle: say(hc.locale, 'cancel'),
          confirmVerb: LINK_CONFIRM,
          cardId,
          extraButtons,
        }),
      };
    }
  }
}

/** One person links one MCID (R6): a different MCID must be removed first. */
function otherMcidLinked(hc: HandlerContext, d: EmployeeDeps, mine: McidRecord | null, mcid: string | null, lead: string[] = []): Reply | null {
  if (!mine?.link) return null;
  if (mcid !== null && mine.mcid === mcid) return null;
  return textReply(lead, say(hc.locale, 'otherMcidLinked', { mcid: mine.mcid, org: d.orgs.nameOf(mine.link.mpnId) }));
}

async function otherMcidReply(hc: HandlerContext, d: EmployeeDeps, mcid: string | null): Promise<Reply | null> {
  return otherMcidLinked(hc, d, await hc.reads.mine(), mcid);
}

export async function startLink(hc: HandlerContext, d: EmployeeDeps): Promise<Reply> {
  // The profile (proven Teams address → profile, with its record) and the person's current link: read ahead, together.
  const [{ email, profile, record, unproven }, mine] = await Promise.all([hc.reads.byEmail(), hc.reads.mine()]);
  const lead = typedMcidLead(hc, d, { email, profile }, mine);
  const blocked = otherMcidLinked(hc, d, mine, profile?.mcid ?? null, lead);
  if (blocked) return blocked;
  if (profile && email) return previewReply(hc, d, profile, 'email', { title: say(hc.locale, 'linkWithEmail', { email }), line: say(hc.locale, 'linkUseEmail', { email }) }, record ?? undefined, lead);
  // A Teams email that is not the account's own proves nothing: no shortcut, the sign-in proof is required.
  if (unproven) {
    const values = { email: unproven, org: hc.org.name };
    if (!d.signIn) return textReply(lead, say(hc.locale, 'linkEmailUnproven', values));
    const lines = [...lead, say(hc.locale, 'linkEmailUnprovenSignIn', values)];
    return { card: statementCard({ title: say(hc.locale, 'linkStartTitle', { org: hc.org.name }), lines, buttons: await signInButton(hc, d) }) };
  }
  if (d.signIn) {
    const text = email ? say(hc.locale, 'linkNoProfileSignIn', { email }) : say(hc.locale, 'linkSignInPrompt');
    return { card: statementCard({ title: say(hc.locale, 'linkStartTitle', { org: hc.org.name }), lines: [...lead, text], buttons: await signInButton(hc, d) }) };
  }
  return textReply(lead, email ? say(hc.locale, 'linkNoProfile', { email }) : say(hc.locale, 'linkNoEmail'));
}

/** After a successful sign-in: the token led to this profile. */
export async function previewAfterSignIn(hc: HandlerContext, d: EmployeeDeps, profile: CertificationProfile): Promise<Reply> {
  const blocked = await otherMcidReply(hc, d, profile.mcid);
  if (blocked) return blocked;
  return previewReply(hc, d, profile, 'signin', { title: say(hc.locale, 'confirm') });
}

export async function confirmLink(hc: HandlerContext, d: EmployeeDeps, card: PendingCard): Promise<Reply> {
  const { mcid, proof } = card.payload;
  if (card.payload.mpnId !== hc.org.mpnId) return { text: say(hc.locale, 'staleCard') };
  const { associations } = d;
  // The person's current link, and the record and profile to link, read ahead beside the click's claim;
  // the link re-checks the record on write, and the report counts the profile's certifications.
  const [mine, current, profile] = await Promise.all([hc.reads.mine(), hc.reads.record(mcid), hc.reads.profile(mcid)]);
  const blocked = otherMcidLinked(hc, d, mine, mcid);
  if (blocked) return blocked;
  const { decision, record } = await associations.link(mcid, requestFor(hc, proof === 'signin' ? 'signin' : 'email'), { record: current, profile });
  const org = hc.org.name;
  switch (decision.kind) {
    case 'noop':
      return { text: say(hc.locale, 'alreadyLinked', { mcid, org }) };
    case 'ownedByOther':
      return { text: say(hc.locale, 'ownedByOther') };
    case 'refused':
      return refusalReply(hc, d, mcid, decision);
    case 'takeover':
      return { card: statementCard({ title: say(hc.locale, 'linkedTitle', { org }), tone: 'good', lines: [say(hc.locale, 'takeoverBody', { mcid, org })] }) };
    case 'allowed': {
      const lines = [say(hc.locale, 'linkedBody', { mcid, org })];
      if (decision.switchFrom) lines.push(say(hc.locale, 'linkedSwitched', { from: d.orgs.nameOf(decision.switchFrom) }));
      lines.push(say(hc.locale, 'linkedDelay', { org }));
      return {
        card: statementCard({
          title: say(hc.locale, 'linkedTitle', { org }),
          tone: 'good',
          lines,
          facts: [
            { label: 'MCID', value: mcid },
            { label: say(hc.locale, 'linkedSince'), value: formatDate(record.link?.since ?? d.clock.now(), hc.dates) },
          ],
          notes: [say(hc.locale, 'confirmLinkNext', { date: formatDate(decision.nextDateAfter, hc.dates) })],
        }),
      };
    }
  }
}

export async function signInFromCard(hc: HandlerContext): Promise<Reply> {
  await hc.turn.beginSignIn();
  return { text: say(hc.locale, 'linkSignInPrompt') };
}
