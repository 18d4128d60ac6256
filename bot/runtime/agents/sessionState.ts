/**
 * Conversation state as the Agents SDK keeps it (ConversationState, one document per
 * conversation, under the same key as botbuilder's), on the backend's document store.
 */
import { AgentStatePropertyAccessor, ConversationState, Storage, TurnContext } from '@microsoft/agents-hosting';
import type { StoreBackedStorage } from '../storeBackedStorage';
import type { TurnSession } from '../turn';

export class SessionState {
  readonly conversation: ConversationState;
  private readonly properties = new Map<string, AgentStatePropertyAccessor<unknown>>();

  constructor(storage: StoreBackedStorage | Storage) {
    this.conversation = new ConversationState(storage as Storage);
  }

  property<T>(name: string): AgentStatePropertyAccessor<T> {
    let accessor = this.properties.get(name);
    if (!accessor) {
      accessor = this.conversation.createProperty<unknown>(name);
      this.properties.set(name, accessor);
    }
    return accessor as AgentStatePropertyAccessor<T>;
  }

  forTurn(context: TurnContext): TurnSession {
    return {
      load: async () => void (await this.conversation.load(context)),
      get: <T>(name: string, initial?: T) => this.property<T>(name).get(context, initial),
      set: <T>(name: string, value: T) => this.property<T>(name).set(context, value),
      save: () => this.conversation.saveChanges(context),
      clear: () => this.conversation.delete(context),
    };
  }
}
