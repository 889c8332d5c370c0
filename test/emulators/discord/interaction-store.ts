import { apiErrors } from './api-errors';
import type { ApiMessage } from './api-types';
import { InteractionType, MessageFlag, MessageType } from './api-types';
import type { EmulatorState } from './emulator-state';
import type { MessageBody } from './message-validation';
import { validateMessageBody } from './message-validation';
import { randomToken, snowflake } from './snowflake';

/** Interaction callback types (https://discord.com/developers/docs/interactions/receiving-and-responding). */
export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
} as const;

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  channelId: string;
  guildId?: string;
  userId: string;
  createdAt: number;
  /** The INTERACTION_CREATE payload as dispatched. */
  payload: Record<string, unknown>;
  /** For component interactions: the message carrying the clicked component. */
  sourceMessage?: ApiMessage;
  /** The initial callback, once acknowledged. */
  response?: { type: number; data?: Record<string, unknown> };
  /** The response message (@original), when there is one. */
  original?: ApiMessage;
  followups: ApiMessage[];
  autocompleteChoices?: unknown[];
}

export interface MessageChange {
  message: ApiMessage;
  kind: 'created' | 'updated';
}

/** Interactions and their responses: the 3-second acknowledgement rule, @original, follow-ups. */
export class InteractionStore {
  readonly all = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();

  constructor(
    private readonly state: EmulatorState,
    /** Discord drops an interaction that is not acknowledged within 3 s (10062 Unknown interaction). */
    public acknowledgeDeadlineMs = 3000,
  ) {}

  register(record: Omit<InteractionRecord, 'id' | 'token' | 'createdAt' | 'followups'>): InteractionRecord {
    const full: InteractionRecord = { ...record, id: snowflake(), token: `aW50ZXJhY3Rpb24.${randomToken(48)}`, createdAt: Date.now(), followups: [] };
    this.all.set(full.id, full);
    this.byToken.set(full.token, full);
    return full;
  }

  /** POST /interactions/{id}/{token}/callback. Returns the message it created or changed, if any. */
  respond(id: string, token: string, body: { type?: number; data?: Record<string, unknown> }): MessageChange | null {
    const record = this.all.get(id);
    if (!record || record.token !== token) throw apiErrors.unknownInteraction();
    if (record.response) throw apiErrors.alreadyAcknowledged();
    if (Date.now() - record.createdAt > this.acknowledgeDeadlineMs) throw apiErrors.unknownInteraction();
    const type = body.type ?? 0;
    const data = (body.data ?? {}) as MessageBody & Record<string, unknown>;
    const isComponent = record.type === InteractionType.MessageComponent;

    switch (type) {
      case CallbackType.ChannelMessageWithSource: {
        validateMessageBody(data, { requireSomething: true });
        record.original = this.createResponseMessage(record, data);
        record.response = { type, data };
        return { message: record.original, kind: 'created' };
      }
      case CallbackType.DeferredChannelMessageWithSource: {
        // Discord shows "<bot> is thinking…": a real (loading) message the deferred reply later fills.
        record.original = this.createResponseMessage(
          record,
          { content: '', flags: ((data.flags ?? 0) & MessageFlag.Ephemeral) | MessageFlag.Loading },
          true,
        );
        record.response = { type, data };
        return { message: record.original, kind: 'created' };
      }
      case CallbackType.UpdateMessage:
      case CallbackType.DeferredUpdateMessage: {
        if (!isComponent || !record.sourceMessage) throw apiErrors.invalidFormBody({ type: 'Interaction has no message to update.' });
        if (type === CallbackType.UpdateMessage) validateMessageBody(data, { requireSomething: false });
        record.response = { type, data };
        record.original = record.sourceMessage;
        if (type === CallbackType.DeferredUpdateMessage) return null;
        this.state.applyEdit(record.sourceMessage, data);
        return { message: record.sourceMessage, kind: 'updated' };
      }
      case CallbackType.ApplicationCommandAutocompleteResult: {
        if (record.type !== InteractionType.Autocomplete) throw apiErrors.invalidFormBody({ type: 'Not an autocomplete interaction.' });
        const choices = (data['choices'] as unknown[] | undefined) ?? [];
        if (choices.length > 25) throw apiErrors.invalidFormBody({ 'data.choices': 'Must be 25 or fewer in length.' });
        choices.forEach((raw, i) => {
          const choice = (raw ?? {}) as { name?: unknown; value?: unknown };
          if (typeof choice.name !== 'string' || choice.name.length < 1 || choice.name.length > 100) {
            throw apiErrors.invalidFormBody({ [`data.choices.${i}.name`]: 'Must be between 1 and 100 in length.' });
          }
          if (typeof choice.value === 'string' ? choice.value.length < 1 || choice.value.length > 100 : typeof choice.value !== 'number') {
            throw apiErrors.invalidFormBody({ [`data.choices.${i}.value`]: 'Must be between 1 and 100 in length.' });
          }
        });
        record.response = { type, data };
        record.autocompleteChoices = choices;
        return null;
      }
      case CallbackType.Modal:
      case CallbackType.Pong:
        record.response = { type, data };
        return null;
      default:
        throw apiErrors.invalidFormBody({ type: `Unknown interaction callback type ${type}.` });
    }
  }

  /** The interaction behind a webhook token (follow-ups and @original edits authenticate with it). */
  forWebhook(applicationId: string, token: string): InteractionRecord {
    const record = this.byToken.get(token);
    if (!record || applicationId !== this.state.applicationId) throw apiErrors.unknownWebhook();
    return record;
  }

  webhookMessage(record: InteractionRecord, messageId: string): ApiMessage {
    const message =
      messageId === '@original' ? record.original : (record.followups.find((m) => m.id === messageId) ?? (record.original?.id === messageId ? record.original : undefined));
    if (!message) throw apiErrors.unknownMessage();
    return message;
  }

  /** PATCH /webhooks/{app}/{token}/messages/{id|@original}. */
  editWebhookMessage(record: InteractionRecord, messageId: string, body: MessageBody): MessageChange {
    const message = this.webhookMessage(record, messageId);
    validateMessageBody(body, { requireSomething: false });
    this.state.applyEdit(message, body);
    return { message, kind: 'updated' };
  }

  /** POST /webhooks/{app}/{token}: a follow-up message, allowed once the interaction is acknowledged. */
  followUp(record: InteractionRecord, body: MessageBody): MessageChange {
    if (!record.response) throw apiErrors.unknownWebhook();
    validateMessageBody(body, { requireSomething: true });
    // The first follow-up after a deferred reply fills the "thinking" message instead of adding one.
    if (record.response.type === CallbackType.DeferredChannelMessageWithSource && record.original && record.original.flags & MessageFlag.Loading) {
      return this.editWebhookMessage(record, '@original', body);
    }
    const message = this.createResponseMessage(record, body);
    record.followups.push(message);
    return { message, kind: 'created' };
  }

  deleteWebhookMessage(record: InteractionRecord, messageId: string): ApiMessage {
    const message = this.webhookMessage(record, messageId);
    if (!(message.flags & MessageFlag.Ephemeral)) this.state.deleteMessage(message.channel_id, message.id);
    if (record.original === message) record.original = undefined;
    record.followups = record.followups.filter((m) => m !== message);
    return message;
  }

  private createResponseMessage(record: InteractionRecord, body: MessageBody, placeholder = false): ApiMessage {
    const user = this.state.user(record.userId);
    const { message } = this.state.createMessage(
      record.channelId,
      this.state.botUser.id,
      { ...body, nonce: null, enforce_nonce: false, message_reference: null },
      {
        type: record.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
        webhook_id: this.state.applicationId,
        application_id: this.state.applicationId,
        flags: body.flags ?? 0,
        interaction_metadata: {
          id: record.id,
          type: record.type,
          user,
          authorizing_integration_owners: { '0': record.guildId ?? this.state.guildId },
        },
      },
      { allowEmpty: placeholder },
    );
    return message;
  }
}
