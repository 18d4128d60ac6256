/** CertLink installed in a personal chat, added to a team or group chat, or uninstalled. */
import { AdaptiveCardAttachment } from '../../cards/render';
import { OrgDirectory } from '../../services/directory/orgDirectory';
import { Locale } from '../../services/i18n/locale';
import { OnceStore } from '../../services/kv/onceStore';
import { say } from '../../services/i18n/say';
import type { ChannelAccount } from '../runtime/turn';
import { ConversationMemory } from './conversationRefs';
import { TurnInfo } from '../features/turnInfo';
import { ACTIVITY_MEMORY_SECONDS, TurnScope, welcomeKey } from './turnScope';
import { safeReply } from './safeReply';

export interface LifecycleDeps {
  orgs: OrgDirectory;
  once: OnceStore;
  memory: ConversationMemory;
  /** The welcome card: in personal chat the person's commands; elsewhere what the admins can ask there. */
  welcomeCard(locale: Locale, orgName: string, conversationType: TurnInfo['conversationType']): AdaptiveCardAttachment;
}

export class Lifecycle {
  constructor(private readonly deps: LifecycleDeps) {}

  async installed(scope: TurnScope): Promise<void> {
    await this.welcome(scope);
  }

  /** Teams tells the bot it joined with conversationUpdate, listing it among the members added. */
  async membersAdded(scope: TurnScope, members: ChannelAccount[]): Promise<void> {
    const botId = scope.turn.activity.recipient?.id;
    if (members.some((m) => m.id === botId)) await this.welcome(scope);
  }

  async uninstalled(scope: TurnScope): Promise<void> {
    await this.deps.memory.forget(scope.turn.activity);
    // Installed again later (even the same day): welcomed again.
    await this.deps.once.release(welcomeKey(scope.info));
  }

  private async welcome(scope: TurnScope): Promise<void> {
    const { info, turn } = scope;
    // Teams sends both installationUpdate and conversationUpdate on install: welcome once.
    if (!(await this.deps.once.claim(welcomeKey(info), ACTIVITY_MEMORY_SECONDS))) return;
    const org = this.deps.orgs.forTenant(info.tenantId);
    if (!org) {
      await turn.send(safeReply({ text: say(info.locale, 'unknownTenant', { tenantId: info.tenantId ?? '?' }) }));
      return;
    }
    await this.deps.memory.remember(turn.activity);
    await turn.send({ card: this.deps.welcomeCard(info.locale, org.name, info.conversationType) });
  }
}
