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
import { pt } from '../../i18n/privacyText';
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
  const nothing = pt(l, 'nothing');
  const profile = data.profile;
  const link = data.currentLink;
  const history = data.associationHistory;
  const notices = data.noticeSettings;
  const uni = data.partnerUniversity;
  return [
    {
      name: pt(l, 'catProfile'),
      held: profile
        ? pt(l, 'catProfileHeld', { mcid: profile.mcid, name: `${profile.firstName} ${profile.lastName}`.trim(), emails: profile.emails.join(', '), count: profile.certifications.length })
        : nothing,
      why: pt(l, 'catProfileWhy'),
    },
    {
      name: pt(l, 'catLink'),
      held: link ? pt(l, 'catLinkHeld', { org: link.org.name ?? link.org.mpnId, date: formatDate(link.since, l) }) : nothing,
      why: pt(l, 'catLinkWhy'),
    },
    {
      name: pt(l, 'catHistory'),
      held: history.starts.length || history.endedLinks.length ? pt(l, 'catHistoryHeld', { starts: history.starts.length, ended: history.endedLinks.length }) : nothing,
      why: pt(l, 'catHistoryWhy', limitWording(deps.limits, l)),
    },
    {
      name: pt(l, 'catNotices'),
      held: pt(l, notices?.noticesEnabled === false ? 'catNoticesHeldOff' : 'catNoticesHeldOn', { pending: data.pendingNotices.length }),
      why: pt(l, 'catNoticesWhy'),
    },
    { name: pt(l, 'catConversation'), held: data.conversationReference ? pt(l, 'catConversationHeld') : nothing, why: pt(l, 'catConversationWhy') },
    {
      name: pt(l, 'catUniversity'),
      held: uni ? pt(l, 'catUniversityHeld', { account: uni.account, date: formatDate(uni.linkedAt, l) }) : nothing,
      why: pt(l, 'catUniversityWhy'),
    },
    {
      name: pt(l, 'catAudit'),
      held: data.auditEntries.length ? pt(l, 'catAuditHeld', { count: data.auditEntries.length }) : nothing,
      why: pt(l, 'catAuditWhy', { days: deps.policy.auditRetentionDays }),
    },
    {
      name: pt(l, 'catSession'),
      held: data.sessionState ? pt(l, 'catSessionHeld') : nothing,
      // SESSION_STATE_TTL_DAYS=0 keeps session state with no expiry.
      why: deps.sessionStateDays ? pt(l, 'catSessionWhy', { days: deps.sessionStateDays }) : pt(l, 'catSessionWhyNoLimit'),
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
        title: pt(hc.locale, 'myDataTitle'),
        lines: [pt(hc.locale, 'myDataIntro')],
        categories: categories(hc, data, deps),
        notes: [pt(hc.locale, 'myDataWho'), pt(hc.locale, 'myDataLinkExpires', { time })],
        downloadTitle: pt(hc.locale, 'download'),
        downloadUrl: link.url,
      }),
    };
  };

  const startErase: MessageHandler = async (hc) => {
    const cardId = await hc.pending.issue({ verbs: [ERASE_CONFIRM, 'card.cancel'], forUser: hc.info.userId, tenantId: hc.info.tenantId ?? '', payload: {} });
    const l = hc.locale;
    return {
      card: confirmCard({
        title: pt(l, 'eraseTitle'),
        lines: [
          pt(l, 'eraseIntro'),
          pt(l, 'eraseWhat'),
          pt(l, 'eraseKept', { ...limitWording(deps.limits, l), days: deps.policy.startRetentionDays }),
          pt(l, 'eraseAudit', { days: deps.policy.auditRetentionDays }),
          pt(l, 'eraseAdmins'),
        ],
        confirmTitle: pt(l, 'eraseConfirm'),
        cancelTitle: l === 'fr' ? 'Annuler' : 'Cancel',
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
    const lines = [pt(l, 'erasedBody')];
    if (summary.linkEnded) lines.push(pt(l, 'erasedLinkEnded', { org: deps.orgs.nameOf(summary.linkEnded.mpnId) }));
    if (summary.startDatesKept > 0) {
      const until = addDays(deps.clock.now(), deps.policy.startRetentionDays);
      lines.push(pt(l, 'erasedKept', { count: summary.startDatesKept, date: formatDate(until, l) }));
    }
    if (summary.mcidHeldByOther) lines.push(pt(l, 'erasedHeldByOther'));
    return { card: statementCard({ title: pt(l, 'erasedTitle'), tone: 'good', lines }) };
  };

  return {
    intents: {
      // One person's own data: personal chat only. Erasing asks first, with a card kept in the conversation state.
      'privacy.myData': { handle: showMyData, personalOnly: 'nudge' },
      'privacy.deleteMyData': { handle: startErase, personalOnly: 'nudge', usesSession: true },
    },
    verbs: { [ERASE_CONFIRM]: { handle: confirmErase } },
  };
}
