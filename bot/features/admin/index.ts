/**
 * The admin side in chat (R7): the skills report, removing a departed person
 * from it, partner admin roles, the audit log. Every call goes through
 * AdminActions, which checks the role and the org; refusals name no data.
 */
import { adminListCard, adminRefusalCard, auditLogCard, CardDownloads, confirmRemovalCard, ExpiringPeople, removalResultCard, reportSummaryCard } from '../../../cards/adminCards';
import { AdminActions, MemberQuery } from '../../../services/admin/adminActions';
import { say } from '../../../services/i18n/say';
import { Mentioned, mentionedPeople, MemberIdLookup } from '../../teams/mentions';
import { MemberNameLookup } from '../../teams/memberNames';
import { auditNames } from './auditNames';
import { typedMcid } from '../../intents/typedMcid';
import { ProfileStore } from '../../../services/directory/profileStore';
import { CardActionHandler, Feature, HandlerContext, MessageHandler, Reply } from '../feature';
import type { PersonNotifier } from '../../proactive/personNotifier';
import { DownloadSender } from './downloadDelivery';
import type { ExpiringNames } from './expiringNames';
import { AdminIntent } from './intents';

export const ADMIN_REMOVE_CONFIRM = 'admin.remove.confirm';
export const ADMIN_REMOVE_CANCEL = 'admin.remove.cancel';

export type { PersonNotifier } from '../../proactive/personNotifier';

export interface AdminFeatureDeps {
  admin: AdminActions;
  memberIds: MemberIdLookup;
  /** Names for the ids the admin list shows, read at display time. */
  memberNames: MemberNameLookup;
  /** Tells a removed person in their own chat, when the bot can reach them. */
  notifier: PersonNotifier;
  /** Names for the audit card, from the profiles of the MCIDs its entries are about. */
  profiles: Pick<ProfileStore, 'get'>;
  /** Sends the downloads asked for in a shared conversation to the admin's personal chat. */
  downloads: DownloadSender;
  /** The names behind the report's expiring count (absent: the card shows counts only). */
  expiring?: ExpiringNames;
}

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** Who "remove … from the report" names: an @mention first, then an email, then an MCID. */
async function removalTarget(hc: HandlerContext, memberIds: MemberIdLookup): Promise<MemberQuery | { mention: Mentioned } | null> {
  const [mention] = mentionedPeople(hc.turn);
  if (mention) {
    const userId = await memberIds.aadObjectIdOf(hc.turn, mention.id);
    return userId ? { tenantId: hc.info.tenantId ?? '', userId } : { mention };
  }
  const text = (hc.turn.activity.text ?? '').replace(/<[^>]+>/g, ' ');
  const email = EMAIL.exec(text)?.[0];
  if (email) return { email };
  const mcid = typedMcid(text);
  return mcid ? { mcid } : null;
}

function refusal(hc: HandlerContext, about: 'adminFeature' | 'roles' = 'adminFeature'): Reply {
  return { card: adminRefusalCard({ locale: hc.locale, about }) };
}

export function adminFeature(deps: AdminFeatureDeps): Feature<AdminIntent> {
  const { admin, memberIds, memberNames, notifier, profiles } = deps;

  /**
   * The download buttons go on the card in the admin's personal chat only. In a channel or group
   * chat the links go to their personal chat (when CertLink can reach them there) and the card says so.
   */
  const downloadsFor = async (hc: HandlerContext, what: 'report' | 'audit'): Promise<CardDownloads> => {
    const { tenantId, userId, conversationType, activityId } = hc.info;
    if (conversationType === 'personal') {
      const out = await admin.downloadLinks(hc.org, userId, what);
      return out.kind === 'ok' ? { kind: 'links', csvUrl: out.links.csv.url, xlsxUrl: out.links.xlsx.url } : { kind: 'askInPersonalChat' };
    }
    const requestId = activityId ?? hc.turn.activity.conversation?.id ?? '';
    const sent = await deps.downloads.send({ tenantId: tenantId ?? '', userId, org: hc.org, what, requestId }).catch(() => false);
    return { kind: sent ? 'sentToPersonalChat' : 'askInPersonalChat' };
  };

  /** Names in the personal chat; elsewhere only counts, the names sent to the personal chat as the downloads are. */
  const expiringFor = async (hc: HandlerContext, at: Date): Promise<ExpiringPeople | undefined> => {
    const { tenantId, userId, conversationType, activityId } = hc.info;
    if (!deps.expiring) return undefined;
    if (conversationType === 'personal') return { kind: 'shown', people: await deps.expiring.list(hc.org, at) };
    const requestId = activityId ?? hc.turn.activity.conversation?.id ?? '';
    const sent = await deps.expiring.send({ tenantId: tenantId ?? '', userId, org: hc.org, at, requestId }).catch(() => false);
    return { kind: sent ? 'sent' : 'ask' };
  };

  const report: MessageHandler = async (hc) => {
    const out = await admin.reportSummary(hc.org, hc.info.userId);
    if (out.kind === 'refused') return refusal(hc);
    // An empty report has nothing to download, and nobody's certification expires.
    const downloads: CardDownloads = out.summary.empty ? { kind: 'askInPersonalChat' } : await downloadsFor(hc, 'report');
    const expiringPeople = out.summary.expiringSoonTotal > 0 ? await expiringFor(hc, out.at) : undefined;
    return { card: reportSummaryCard({ orgName: hc.org.name, summary: out.summary, at: out.at, downloads, locale: hc.locale, expiringPeople, dates: hc.dates }) };
  };

  const auditLog: MessageHandler = async (hc) => {
    const out = await admin.auditLog(hc.org, hc.info.userId);
    if (out.kind === 'refused') return refusal(hc);
    const [names, downloads] = await Promise.all([auditNames(hc, profiles, out.entries), downloadsFor(hc, 'audit')]);
    return { card: auditLogCard({ orgName: hc.org.name, entries: out.entries, downloads, nameOf: (id) => names.get(id), locale: hc.locale, dates: hc.dates }) };
  };

  const listAdmins: MessageHandler = async (hc) => {
    const out = await admin.listAdmins(hc.org, hc.info.userId);
    if (out.kind === 'refused') return refusal(hc);
    const names = await memberNames.namesOf(hc.turn, [...out.admins.globalAdmins, ...out.admins.partnerAdmins]);
    return { card: adminListCard({ orgName: hc.org.name, admins: out.admins, nameOf: (id) => names.get(id), locale: hc.locale }) };
  };

  const startRemoval: MessageHandler = async (hc) => {
    const auth = await admin.authorize(hc.org, hc.info.userId);
    if (auth.kind === 'refused') return refusal(hc);
    const target = await removalTarget(hc, memberIds);
    if (!target) return { text: say(hc.locale, 'whoToRemove') };
    if ('mention' in target) return { text: say(hc.locale, 'mentionUnknown', { name: target.mention.name }) };
    const found = await admin.findMember(hc.org, hc.info.userId, target);
    if (found.kind === 'refused') return refusal(hc);
    if (found.kind === 'notFound') return { text: say(hc.locale, 'notFound', { org: hc.org.name }) };
    const cardId = await hc.pending.issue({
      verbs: [ADMIN_REMOVE_CONFIRM, ADMIN_REMOVE_CANCEL],
      forUser: hc.info.userId,
      tenantId: hc.info.tenantId ?? '',
      payload: { mcid: found.mcid, mpnId: hc.org.mpnId, personName: `${found.firstName} ${found.lastName}`.trim() },
    });
    return {
      card: confirmRemovalCard({
        orgName: hc.org.name,
        mpnId: hc.org.mpnId,
        mcid: found.mcid,
        personName: `${found.firstName} ${found.lastName}`.trim(),
        linkedSince: found.linkedSince,
        cardId,
        locale: hc.locale,
        dates: hc.dates,
      }),
    };
  };

  const confirmRemoval: CardActionHandler = async (hc, card) => {
    const out = await admin.removeFromReport(hc.org, hc.info.userId, { mcid: card.payload.mcid, mpnId: card.payload.mpnId });
    if (out.kind === 'refused') return refusal(hc);
    if (out.kind === 'notLinked') return { card: removalResultCard({ orgName: hc.org.name, result: { kind: 'notLinked', mcid: card.payload.mcid }, locale: hc.locale }) };
    const notified = await notifier.notify(out.tenantId, out.userId, (locale) => say(locale, 'removedNotice', { org: hc.org.name })).catch(() => false);
    return {
      card: removalResultCard({
        orgName: hc.org.name,
        result: { kind: 'removed', personName: card.payload.personName, mcid: out.mcid, notified },
        locale: hc.locale,
      }),
    };
  };

  const cancelRemoval: CardActionHandler = async (hc) => ({
    card: removalResultCard({ orgName: hc.org.name, result: { kind: 'cancelled' }, locale: hc.locale }),
  });

  const changeRole =
    (grant: boolean): MessageHandler =>
    async (hc) => {
      const [mention] = mentionedPeople(hc.turn);
      if (!mention) return { text: say(hc.locale, 'whoToGrant') };
      const target = await memberIds.aadObjectIdOf(hc.turn, mention.id);
      if (!target) return { text: say(hc.locale, 'mentionUnknown', { name: mention.name }) };
      const values = { name: mention.name, org: hc.org.name };
      if (grant) {
        const out = await admin.grantPartnerAdmin(hc.org, hc.info.userId, target);
        if (out.kind === 'refused') return { card: adminRefusalCard({ locale: hc.locale, about: 'roles' }) };
        return { text: say(hc.locale, out.kind, values) };
      }
      const out = await admin.revokePartnerAdmin(hc.org, hc.info.userId, target);
      if (out.kind === 'refused') return { card: adminRefusalCard({ locale: hc.locale, about: 'roles' }) };
      return { text: say(hc.locale, out.kind === 'isGlobalAdmin' ? 'cannotRevokeGlobal' : out.kind, values) };
    };

  // Every admin command and click counts against the person's admin limit. They show or change the
  // organization's data: an admin role never applies to a guest (B2B) account, even one listed in
  // ORGS_FILE, and Teams must have confirmed the account ('confirmedMember').
  const adminRules = { rateLimit: 'admin', audience: 'confirmedMember' } as const;
  return {
    intents: {
      'admin.report': { handle: report, ...adminRules },
      'admin.auditLog': { handle: auditLog, ...adminRules },
      'admin.listAdmins': { handle: listAdmins, ...adminRules },
      // Its answer is a confirmation card, kept in the conversation state until clicked.
      'admin.removeFromReport': { handle: startRemoval, ...adminRules, usesSession: true },
      'admin.grantPartnerAdmin': { handle: changeRole(true), ...adminRules },
      'admin.revokePartnerAdmin': { handle: changeRole(false), ...adminRules },
    },
    verbs: {
      [ADMIN_REMOVE_CONFIRM]: { handle: confirmRemoval, ...adminRules },
      [ADMIN_REMOVE_CANCEL]: { handle: cancelRemoval, ...adminRules },
    },
  };
}
