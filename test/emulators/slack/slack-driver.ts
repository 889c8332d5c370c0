import { randomUUID } from 'node:crypto';
import type { RecordedCall } from './call-log';
import { BOT_USER_ID, GENERAL_CHANNEL, TEAM_ID } from './emulator-state';
import { blockActions, eventCallback, slashCommand } from './payloads';
import type { HttpDelivery, SignedClient } from './signed-client';
import type { SlackEmulator } from './slack-emulator';
import type { EnvelopeType } from './socket-mode-server';

/** What came back when Slack delivered something: the HTTP answer, or the Socket Mode ack. */
export interface Delivery {
  status: number;
  body: string;
  ackPayload?: unknown;
}

/** How Slack reaches the bot: signed HTTP requests, or envelopes over the Socket Mode connection. */
export interface SlackTransport {
  readonly kind: 'http' | 'socket';
  deliver(type: EnvelopeType, payload: Record<string, unknown>): Promise<Delivery>;
}

export function httpTransport(client: SignedClient): SlackTransport {
  return {
    kind: 'http',
    deliver(type, payload): Promise<HttpDelivery> {
      switch (type) {
        case 'events_api':
          return client.postJson(payload);
        case 'slash_commands':
          return client.postForm(payload as Record<string, string>);
        case 'interactive':
          return client.postForm({ payload: JSON.stringify(payload) });
      }
    },
  };
}

export function socketTransport(emu: SlackEmulator): SlackTransport {
  return {
    kind: 'socket',
    async deliver(type, payload) {
      const ackPayload = await emu.socket.send(type, payload);
      return { status: 200, body: '', ackPayload };
    },
  };
}

export interface SlackButton {
  actionId: string;
  value: string;
  label: string;
}

/** Every button in a message's blocks. */
export function buttonsOf(blocks: unknown): SlackButton[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.flatMap((block: { type?: string; elements?: unknown[] }) =>
    block.type === 'actions' && Array.isArray(block.elements)
      ? block.elements.map((e) => {
          const button = e as { action_id: string; value?: string; text?: { text?: string } };
          return { actionId: button.action_id, value: button.value ?? '', label: button.text?.text ?? '' };
        })
      : [],
  );
}

/**
 * People in the emulated workspace doing things the bot hears about: mentioning it, DMing it,
 * running its slash command, clicking its buttons. Text is given as Slack puts it on the wire
 * (mrkdwn, with &amp; &lt; &gt; escaped and <@U…> / <!channel> tokens).
 */
export class SlackDriver {
  constructor(
    private readonly emu: SlackEmulator,
    readonly transport: SlackTransport,
  ) {}

  async mention(input: { text: string; user?: string; channel?: string; threadTs?: string }) {
    const user = input.user ?? 'U0ALICE';
    const channel = input.channel ?? GENERAL_CHANNEL;
    const ts = this.emu.state.nextTs();
    const text = `<@${BOT_USER_ID}> ${input.text}`;
    this.emu.state.addMessage({ channel, ts, threadTs: input.threadTs, user, text });
    const event = {
      type: 'app_mention',
      client_msg_id: randomUUID(),
      user,
      text,
      ts,
      team: TEAM_ID,
      channel,
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    };
    const delivery = await this.transport.deliver('events_api', eventCallback(event));
    return { channel, ts, threadTs: input.threadTs ?? ts, delivery };
  }

  /** A direct message to the bot; `extra` can make it a bot message or give it a subtype. */
  async dm(input: { text: string; user?: string; threadTs?: string; extra?: Record<string, unknown> }) {
    const user = input.user ?? 'U0ALICE';
    const channel = this.emu.state.openIm(user).id;
    const ts = this.emu.state.nextTs();
    this.emu.state.addMessage({ channel, ts, threadTs: input.threadTs, user, text: input.text });
    const event = {
      type: 'message',
      client_msg_id: randomUUID(),
      user,
      text: input.text,
      ts,
      team: TEAM_ID,
      channel,
      channel_type: 'im',
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      ...input.extra,
    };
    const delivery = await this.transport.deliver('events_api', eventCallback(event));
    return { channel, ts, delivery };
  }

  /** `/aftercare <text>` (or another command); the answer goes to the returned response_url. */
  async slash(input: { text: string; user?: string; channel?: string; command?: string }) {
    const user = this.emu.state.users.get(input.user ?? 'U0ALICE');
    const channel = this.emu.state.channels.get(input.channel ?? GENERAL_CHANNEL);
    const { responseId, url } = this.emu.newResponseUrl();
    const payload = slashCommand({
      command: input.command ?? '/aftercare',
      text: input.text,
      userId: user?.id ?? input.user ?? 'U0ALICE',
      userName: user?.name ?? 'someone',
      channelId: channel?.id ?? input.channel ?? GENERAL_CHANNEL,
      channelName: channel?.name ?? 'unknown',
      responseUrl: url,
    });
    const delivery = await this.transport.deliver('slash_commands', payload);
    return { responseId, delivery };
  }

  /**
   * Clicks a button of a message the bot sent: `call` is the recorded chat.postMessage (or the
   * response_url POST, for an ephemeral message), `pick` chooses the button.
   */
  async click(input: {
    call: RecordedCall;
    pick?: (button: SlackButton) => boolean;
    user?: string;
    /** For ephemeral messages (response_url calls): the channel the slash command ran in. */
    channel?: string;
  }) {
    const button = buttonsOf(input.call.params.blocks).find(input.pick ?? (() => true));
    if (!button) throw new Error(`no matching button in ${input.call.method} call`);
    const isEphemeral = input.call.method === 'response_url' || input.call.method === 'chat.postEphemeral';
    const channelId = String(input.call.result?.channel ?? input.call.params.channel ?? input.channel ?? GENERAL_CHANNEL);
    const messageTs = String(input.call.result?.ts ?? input.call.result?.message_ts ?? this.emu.state.nextTs());
    const threadTs = typeof input.call.params.thread_ts === 'string' ? input.call.params.thread_ts : undefined;
    const user = this.emu.state.users.get(input.user ?? 'U0ALICE');
    const { responseId, url } = this.emu.newResponseUrl();
    const payload = blockActions({
      userId: user?.id ?? input.user ?? 'U0ALICE',
      userName: user?.name ?? 'someone',
      channelId,
      channelName: this.emu.state.channels.get(channelId)?.name ?? channelId,
      actionId: button.actionId,
      value: button.value,
      label: button.label,
      message: isEphemeral ? undefined : { ts: messageTs, threadTs, text: String(input.call.params.text ?? '') },
      messageTs,
      isEphemeral,
      responseUrl: url,
    });
    const delivery = await this.transport.deliver('interactive', payload);
    return { responseId, button, delivery };
  }
}
