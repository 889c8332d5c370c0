import { type ButtonInteraction, type ChatInputCommandInteraction, type MessageMentionOptions, MessageFlags } from 'discord.js';
import type { Reply } from '../../src/conversation/reply';
import { toPlatformError } from './discord-errors';
import { type DiscordMessageParts, renderReply } from './render-reply';

type Answerable = ChatInputCommandInteraction | ButtonInteraction;
type Deferral = { ok: true } | { ok: false; error: unknown };

/** Echoed text must never ping anyone: no @everyone, roles or users parsed from the content. */
const noPings = (): MessageMentionOptions => ({ parse: [] });

/** One rendered part as a reply or follow-up: never pinging, private when the reply is. */
const partMessage = (part: DiscordMessageParts, ephemeral: boolean) => ({
  content: part.content,
  components: part.components,
  allowedMentions: noPings(),
  ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
});

/**
 * Answers one interaction. Discord forgets an interaction that is not acknowledged within 3 seconds, so
 * when the core takes longer than `deferAfterMs` the interaction is deferred ("thinking…") meanwhile and
 * the answer then fills that placeholder. For commands whose answers are private (`deferPrivately`), the
 * placeholder is private too, so nothing shows in the channel.
 */
export class InteractionResponder {
  private deferral: Promise<Deferral> | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly interaction: Answerable,
    private readonly deferAfterMs: number,
    private readonly deferPrivately = false,
  ) {}

  /** The core starts working: defer if it has not answered within `deferAfterMs`. */
  begin(): void {
    this.timer = setTimeout(() => {
      // Settles, never rejects: a failed defer is reported by send() or apologize(), not as an unhandled rejection.
      this.deferral = this.interaction.deferReply(this.deferPrivately ? { flags: MessageFlags.Ephemeral } : {}).then(
        (): Deferral => ({ ok: true }),
        (error: unknown): Deferral => ({ ok: false, error }),
      );
    }, this.deferAfterMs);
  }

  async send(reply: Reply): Promise<void> {
    clearTimeout(this.timer);
    const parts = renderReply(reply);
    const ephemeral = reply.ephemeral;
    const deferral = this.deferral ? await this.deferral : null;
    if (deferral && !deferral.ok) throw toPlatformError(deferral.error, 'deferring the interaction');
    const [first, ...rest] = parts as [DiscordMessageParts, ...DiscordMessageParts[]];

    if (deferral) {
      if (ephemeral !== this.deferPrivately) {
        // A placeholder cannot change between public and private: remove it and answer the other way instead.
        await this.call('removing the placeholder', () => this.interaction.deleteReply());
        for (const part of parts) await this.followUp(part, ephemeral);
        return;
      }
      await this.call('editing the deferred reply', () =>
        this.interaction.editReply({ content: first.content, components: first.components, allowedMentions: noPings() }),
      );
    } else {
      await this.call('replying to the interaction', () => this.interaction.reply(partMessage(first, ephemeral)));
    }
    for (const part of rest) await this.followUp(part, ephemeral);
  }

  /** The core's apology, privately, in whatever way this interaction can still be answered. */
  async apologize(reply: Reply): Promise<void> {
    clearTimeout(this.timer);
    const text = reply.text;
    if (this.deferral) await this.deferral;
    const i = this.interaction;
    if (i.replied) {
      await this.call('apologizing', () => i.followUp({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: noPings() }));
    } else if (i.deferred) {
      await this.call('apologizing', () => i.editReply({ content: text, components: [], allowedMentions: noPings() }));
    } else {
      await this.call('apologizing', () => i.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: noPings() }));
    }
  }

  private followUp(part: DiscordMessageParts, ephemeral: boolean): Promise<unknown> {
    return this.call('sending a follow-up', () => this.interaction.followUp(partMessage(part, ephemeral)));
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toPlatformError(error, what);
    }
  }
}
