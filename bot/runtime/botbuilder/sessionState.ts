/**
 * Conversation state as botbuilder keeps it (ConversationState, one document per conversation),
 * on the backend's document store through StoreBackedStorage.
 */
import { ConversationState, StatePropertyAccessor, Storage, TurnContext } from 'botbuilder';
import type { TurnSession } from '../turn';

export class SessionState {
  readonly conversation: ConversationState;
  private readonly properties = new Map<string, StatePropertyAccessor<unknown>>();

  constructor(storage: Storage) {
    this.conversation = new ConversationState(storage);
  }

  property<T>(name: string): StatePropertyAccessor<T> {
    let accessor = this.properties.get(name);
    if (!accessor) {
      accessor = this.conversation.createProperty<unknown>(name);
      this.properties.set(name, accessor);
    }
    return accessor as StatePropertyAccessor<T>;
  }

  forTurn(context: TurnContext): TurnSession {
    return {
      load: async () => void (await this.conversation.load(context)),
      get: <T>(name: string, initial?: T) => this.property<T>(name).get(context, initial as T),
      set: <T>(name: string, value: T) => this.property<T>(name).set(context, value),
      save: () => this.conversation.saveChanges(context),
      clear: () => this.conversation.delete(context),
    };
  }
}
