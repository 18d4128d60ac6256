/**
 * "my data" / « mes données » and "delete my data" / « supprimer mes données »,
 * in personal chat only: they show or erase one person's own data, and only
 * the person themselves can ask (the card's owner is checked on every click).
 */
import { confirmCard, statementCard } from '../../../cards/cardModels';
import { myDataCard } from '../../../cards/privacyCards';
import { AssociationLimits } from '../../../services/association/types';
import { addDays, Clock } from '../../../services/clock';
import { OrgDirectory } from '../../../services/directory/orgDirectory';
import { formatDate } from '../../../services/i18n/locale';
import { ErasureService } from '../../../services/privacy/erasureService';
import { PersonalDataExport, PersonalDataExporter } from '../../../services/privacy/personalDataExport';
import { PersonRef, rememberExportEmail } from '../../../services/privacy/privacyDeps';
import { RetentionPolicy } from '../../../services/privacy/retention';
import { DOWNLOAD_LINK_TTL_MINUTES, DownloadLinkSigner } from '../../../services/report/signedLink';
import { DocumentStore } from '../../../services/kv/documentStore';
import { say } from '../../../services/i18n/say';
import { CardActionHandler, Feature, HandlerContext, MessageHandler } from '../feature';
import { PrivacyIntent } from './intents';
import { limitWording } from '../../../services/association/limitWording';

export const ERASE_CONFIRM = 'privacy.erase.confirm';

export interface PrivacyFeatureDeps {
  exporter: PersonalDataExporter;
  erasure: ErasureService;
  signer: DownloadLinkSigner;
  documents: DocumentStore;
  policy: RetentionPolicy;
  /** Days session state is kept (SESSION_STATE_TTL_DAYS), for the card; 0 = no limit. */
  sessionStateDays: number;
  /** The association limits the card quotes. */
  limits: AssociationLimits;
  orgs: Pick<OrgDirectory, 'nameOf'>;
  clock: Clock;
  /** Forgets what this process remembers about a person (their email, their saved reference). */
  forgetPerson(tenantId: string, teamsUserId: string, userId: string): void;
}

async function personOf(hc: HandlerContext): Promise<PersonRef> {
  return {
    tenantId: hc.info.tenantId ?? '',
    userId: hc.info.userId,
    email: await hc.reads.email(),
    conversationId: hc.info.conversationId,
  };
}

function categories(hc: HandlerContext, data: PersonalDataExport, deps: PrivacyFeatureDeps) {
  const l = hc.locale;
  const nothing = say(l, 'nothing');
  const profile = data.profile;
  const link = data.currentLink;
  const history = data.associationHistory;
  const notices = data.noticeSettings;
  const uni = data.partnerUniversity;
  return [
    {
      name: say(l, 'catProfile'),
      held: profile ? say(l, 'catProfileHeld', { mcid: profile.mcid, name: `${profile.firstName} ${profile.lastName}`.trim(), emails: profile.emails.join(', '), count: profile.certifications.length }) : nothing,
      why: say(l, 'catProfileWhy'),
    },
    {
      name: say(l, 'catLink'),
      held: link ? say(l, 'catLinkHeld', { org: link.org.name ?? link.org.mpnId, date: formatDate(link.since, hc.dates) }) : nothing,
      why: say(l, 'catLinkWhy'),
    },
    {
      name: say(l, 'catHistory'),
      held: history.starts.length || history.endedLinks.length ? say(l, 'catHistoryHeld', { starts: history.starts.length, ended: history.endedLinks.length }) : nothing,
      why: say(l, 'catHistoryWhy', limitWording(deps.limits, l)),
    },
    {
      name: say(l, 'catNotices'),
      held: say(l, notices?.noticesEnabled === false ? 'catNoticesHeldOff' : 'catNoticesHeldOn', { pending: data.pendingNotices.length }),
      why: say(l, 'catNoticesWhy'),
    },
    { name: say(l, 'catConversation'), held: data.conversationReference ? say(l, 'catConversationHeld') : nothing, why: say(l, 'catConversationWhy') },
    {
      name: say(l, 'catUniversity'),
      held: uni ? say(l, 'catUniversityHeld', { account: uni.account, date: formatDate(uni.linkedAt, hc.dates) }) : nothing,
      why: say(l, 'catUniversityWhy'),
    },
    {
      name: say(l, 'catAudit'),
      held: data.auditEntries.length ? say(l, 'catAuditHeld', { count: data.auditEntries.length }) : nothing,
      why: say(l, 'catAuditWhy', { days: deps.policy.auditRetentionDays }),
    },
    {
      name: say(l, 'catSession'),
      held: data.sessionState ? say(l, 'catSessionHeld') : nothing,
      // SESSION_STATE_TTL_DAYS=0 keeps session state with no expiry.
      why: deps.sessionStateDays ? say(l, 'catSessionWhy', { days: deps.sessionStateDays }) : say(l, 'catSessionWhyNoLimit'),
    },
  ];
}

export function privacyFeature(deps: PrivacyFeatureDeps): Feature<PrivacyIntent> {
  const showMyData: MessageHandler = async (hc) => {
    const person = await personOf(hc);
    const data = await deps.exporter.export(person);
    await rememberExportEmail(deps, person, DOWNLOAD_LINK_TTL_MINUTES * 60);
    const link = deps.signer.signPersonalData(person.tenantId, person.userId);
    const time = `${link.expiresAt.toISOString().slice(11, 16)} UTC`;
    return {
      card: myDataCard({
        title: say(hc.locale, 'myDataTitle'),
        lines: [say(hc.locale, 'myDataIntro')],
        categories: categories(hc, data, deps),
        notes: [say(hc.locale, 'myDataWho'), say(hc.locale, 'myDataLinkExpires', { time })],
        downloadTitle: say(hc.locale, 'download'),
        downloadUrl: link.url,
      }),
    };
  };

  const startErase: MessageHandler = async (hc) => {
    const cardId = await hc.pending.issue({ verbs: [ERASE_CONFIRM, 'card.cancel'], forUser: hc.info.userId, tenantId: hc.info.tenantId ?? '', payload: {} });
    const l = hc.locale;
    return {
      card: confirmCard({
        title: say(l, 'eraseTitle'),
        lines: [
          say(l, 'eraseIntro'),
          say(l, 'eraseWhat'),
          say(l, 'eraseKept', { ...limitWording(deps.limits, l), days: deps.policy.startRetentionDays }),
          say(l, 'eraseAudit', { days: deps.policy.auditRetentionDays }),
          say(l, 'eraseAdmins'),
        ],
        confirmTitle: say(l, 'eraseConfirm'),
        cancelTitle: say(l, 'cancel'),
        confirmVerb: ERASE_CONFIRM,
        cardId,
      }),
    };
  };

  /** The person's data goes; then this chat's session state, so no pending card keeps an MCID or email. */
  const confirmErase: CardActionHandler = async (hc) => {
    const person = await personOf(hc);
    const summary = await deps.erasure.erase(person);
    await hc.turn.session.clear();
    deps.forgetPerson(hc.info.tenantId ?? '', hc.turn.activity.from?.id ?? '', hc.info.userId);
    const l = hc.locale;
    const lines = [say(l, 'erasedBody')];
    if (summary.linkEnded) lines.push(say(l, 'erasedLinkEnded', { org: deps.orgs.nameOf(summary.linkEnded.mpnId) }));
    if (summary.startDatesKept > 0) {
      const until = addDays(deps.clock.now(), deps.policy.startRetentionDays);
      lines.push(say(l, 'erasedKept', { count: summary.startDatesKept, date: formatDate(until, hc.dates) }));
    }
    if (summary.mcidHeldByOther) lines.push(say(l, 'erasedHeldByOther'));
    return { card: statementCard({ title: say(l, 'erasedTitle'), tone: 'good', lines }) };
  };

  return {
    intents: {
      // One person's own data: personal chat only. Erasing asks first, with a card kept in the conversation state.
      // One's own data: everyone may see and erase theirs, guests included.
      'privacy.myData': { handle: showMyData, personalOnly: 'nudge', audience: 'everyone' },
      'privacy.deleteMyData': { handle: startErase, personalOnly: 'nudge', usesSession: true, audience: 'everyone' },
    },
    verbs: { [ERASE_CONFIRM]: { handle: confirmErase, audience: 'everyone' } },
  };
}
