/**
 * What every intent and card-action handler receives and returns. Handlers are
 * registered by feature (employee, admin, notices) in bot/handlers/registry.ts.
 */
import { TurnContext } from 'botbuilder';
import { AdaptiveCardAttachment } from '../../cards/render';
import { AssociationService } from '../../services/association/associationService';
import { Clock } from '../../services/clock';
import { OrgDirectory } from '../../services/directory/orgDirectory';
import { ProfileStore } from '../../services/directory/profileStore';
import { Organization } from '../../services/directory/types';
import { Locale } from '../../services/i18n/locale';
import { OnceStore } from '../../services/kv/onceStore';
import { UniversityService } from '../../services/university/universityService';
import { NoticePreferenceStore } from '../../services/notices/conversationRefStore';
import { NoticeScheduler } from '../../services/notices/noticeScheduler';
import { IntentName } from '../intents/intentPatterns';
import { MemberEmailLookup } from '../teams/memberEmail';
import { TurnInfo } from '../turn/turnInfo';
import { ReadAhead, TurnReads } from '../turn/turnReads';
import { PendingCard, PendingCards } from './pendingCards';

export interface BotServices {
  associations: AssociationService;
  profiles: ProfileStore;
  orgs: OrgDirectory;
  university: UniversityService;
  once: OnceStore;
  memberEmail: MemberEmailLookup;
  clock: Clock;
  /** Empty: "sign in with another Microsoft Learning account" is not offered. */
  oauthConnectionName: string;
  /** Proactive notices (scheduling and each person's on/off setting); null when not running. */
  notices: NoticeControls | null;
  /** What this process remembers about people for a few minutes; erasure clears it. */
  caches: PersonCaches;
}

export interface PersonCaches {
  forgetPerson(tenantId: string, teamsUserId: string, userId: string): void;
}

export interface NoticeControls {
  scheduler: Pick<NoticeScheduler, 'schedule'>;
  prefs: Pick<NoticePreferenceStore, 'noticesEnabled' | 'setNoticesEnabled'>;
}

export interface HandlerContext {
  turn: TurnContext;
  info: TurnInfo;
  locale: Locale;
  /** The org of the person's tenant; handlers only run once it is known. */
  org: Organization;
  services: BotServices;
  pending: PendingCards;
  /** The turn's shared reads (the person's record, their profile by email), some started ahead. */
  reads: TurnReads;
  /** Starts the sign-in dialog (OAuthPrompt); only when oauthConnectionName is set. */
  beginSignIn(): Promise<void>;
}

export type Reply = { card: AdaptiveCardAttachment } | { text: string };

export type MessageHandler = (hc: HandlerContext) => Promise<Reply | null>;

/** Runs after the card's owner, tenant and freshness were checked and the click was claimed once. */
export type CardActionHandler = (hc: HandlerContext, card: PendingCard) => Promise<Reply>;

export type PublicCardActionHandler = (hc: HandlerContext) => Promise<Reply>;

export interface FeatureHandlers {
  messages: Partial<Record<IntentName, MessageHandler>>;
  cardActions: Record<string, CardActionHandler>;
  /**
   * Buttons on cards sent without a pending entry (proactive notices). They act only
   * for the person who clicks, on their own data, so they need no owner check.
   */
  publicCardActions?: Record<string, PublicCardActionHandler>;
  /** Intents that may only be served in personal chat (they show one person's data). */
  personalOnly?: IntentName[];
  /**
   * What each intent's or card verb's handler will read, started beside the once-only claim and the
   * conversation state so the reads share their round trips. A tuning hint: handlers read
   * through hc.reads whether or not it was started.
   */
  readAhead?: { messages?: Partial<Record<IntentName, ReadAhead[]>>; cardActions?: Record<string, ReadAhead[]> };
  /**
   * Intents whose handler usually keeps a card in the conversation state (a confirmation): that state
   * is read beside the claim. Any other turn reads it only if it turns out to need it (botbuilder
   * loads state on first use), so a turn that shows and asks nothing does not read or hash it.
   */
  sessionIntents?: IntentName[];
}
