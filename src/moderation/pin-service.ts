import type { CoreDeps } from '../conversation/core-deps';
import type { IncomingMessage } from '../conversation/incoming-message';
import { infoReply, type Reply } from '../conversation/reply';
import type { FaqEntry, Knowledge } from '../knowledge/knowledge-schema';
import type { Adapter, MessageRef } from '../platform/adapter';
import { PlatformError, type PlatformErrorCode } from '../platform/platform-error';
import { pinnedAnswer, pinnedAnswerHash, removedAnswer } from './pinned-answer';

type AdapterLookup = { ok: true; adapter: Adapter } | { ok: false; reply: Reply };

function adapterFor(deps: CoreDeps, message: IncomingMessage): AdapterLookup {
  const adapter = deps.adapters.get(message.platform);
  if (!adapter) return { ok: false, reply: infoReply('Pinning is not available here.', { kind: 'error', ephemeral: true }) };
  return { ok: true, adapter };
}

const WHY: Record<PlatformErrorCode, string> = {
  'pin-limit': 'this channel already has the most pins allowed here. Unpin one and try again.',
  'missing-permission':
    'I lack a permission here: I need to be in this channel and allowed to post and pin messages in it (ask an admin).',
  'not-found': 'the channel or message is gone.',
  unreachable: 'I cannot post in this channel.',
  failed: 'the platform returned an error. Please try again later.',
};

/** A platform failure, said so a moderator knows what to do: `lead` says what did (not) happen, then why. */
function explainFailure(error: unknown, lead: string, tail = ''): Reply {
  const code = error instanceof PlatformError ? error.code : 'failed';
  return infoReply(`${lead}${WHY[code]}${tail}`, { kind: 'error', ephemeral: true });
}

/**
 * Takes back an answer posted for a pin that then failed, so nothing is left half-done. True when the message
 * is gone (already deleted counts); false when it may still be visible.
 */
async function removePosted(deps: CoreDeps, adapter: Adapter, ref: MessageRef, faqId: string): Promise<boolean> {
  try {
    await adapter.remove(ref);
    return true;
  } catch (error) {
    if (error instanceof PlatformError && error.code === 'not-found') return true;
    deps.logger.warn(
      { err: error, faqId, platform: ref.platform, channel: ref.channelId, message: ref.messageId },
      'removing the answer posted for a failed pin failed; it is still in the channel',
    );
    return false;
  }
}

export async function pinEntry(deps: CoreDeps, message: IncomingMessage, entry: FaqEntry): Promise<Reply> {
  const lookup = adapterFor(deps, message);
  if (!lookup.ok) return lookup.reply;
  const { adapter } = lookup;
  const knowledge = deps.knowledge.knowledge;
  if (await deps.store.pins.find(message.platform, message.channel.id, entry.id)) {
    return infoReply(`"${entry.id}" is already pinned in this channel; I keep it current when the guide changes.`, {
      ephemeral: true,
    });
  }
  const reply = pinnedAnswer(knowledge, entry);
  let ref: MessageRef;
  try {
    ref = await adapter.send(message.channel.id, reply);
  } catch (error) {
    deps.logger.warn({ err: error, faqId: entry.id, platform: message.platform }, 'pinning failed: could not post the answer');
    return explainFailure(error, 'I could not post the answer: ');
  }
  try {
    await adapter.pin(ref);
  } catch (error) {
    deps.logger.warn({ err: error, faqId: entry.id, platform: message.platform }, 'pinning failed: could not pin the posted answer');
    // All or nothing: an answer that cannot be pinned is taken back out of the channel.
    if (await removePosted(deps, adapter, ref, entry.id)) {
      return explainFailure(error, 'Nothing was pinned, and I removed the answer I had just posted: ');
    }
    return explainFailure(
      error,
      'Nothing was pinned: ',
      ' I could not remove the answer I had just posted, so it may still be visible in this channel; delete it by hand if you do not want it.',
    );
  }
  const { created } = await deps.store.pins.add(ref, entry.id, knowledge.version, pinnedAnswerHash(reply), deps.clock.now());
  if (!created) {
    // Another moderator (or another bot process) pinned the same entry at the same moment and was recorded first:
    // ours is taken back down, so the channel keeps one pinned message for one row.
    await adapter.unpin(ref).catch((error: unknown) => deps.logger.warn({ err: error, faqId: entry.id }, 'unpinning a duplicate pin failed'));
    await removePosted(deps, adapter, ref, entry.id);
    return infoReply(`"${entry.id}" was just pinned in this channel by someone else; I keep that one current.`, { ephemeral: true });
  }
  return infoReply(`Pinned "${entry.question}" (${entry.id}) in this channel.`, { ephemeral: true });
}

export async function unpinEntry(deps: CoreDeps, message: IncomingMessage, faqId: string): Promise<Reply> {
  const lookup = adapterFor(deps, message);
  if (!lookup.ok) return lookup.reply;
  const { adapter } = lookup;
  const pin = await deps.store.pins.find(message.platform, message.channel.id, faqId);
  if (!pin) return infoReply(`"${faqId}" is not pinned in this channel. "faq list" shows what is.`, { ephemeral: true });
  try {
    await adapter.unpin({ platform: pin.platform, channelId: pin.channelId, messageId: pin.messageId });
  } catch (error) {
    // A pin someone already removed by hand is gone either way; anything else is worth telling.
    if (!(error instanceof PlatformError && error.code === 'not-found')) {
      deps.logger.warn({ err: error, faqId }, 'unpinning failed');
      return explainFailure(error, 'I could not unpin it: ');
    }
  }
  await deps.store.pins.remove(pin.id);
  return infoReply(`Unpinned "${faqId}" in this channel.`, { ephemeral: true });
}

export interface RefreshOutcome {
  edited: number;
  removed: number;
  failed: number;
}

/** After a knowledge reload: edit pins whose text changed, and edit-then-unpin pins whose entry is gone. */
export async function refreshPins(deps: CoreDeps, knowledge: Knowledge): Promise<RefreshOutcome> {
  const outcome: RefreshOutcome = { edited: 0, removed: 0, failed: 0 };
  for (const pin of await deps.store.pins.all()) {
    const adapter = deps.adapters.get(pin.platform);
    if (!adapter) continue; // that platform is not running in this process; it is refreshed when it is
    const ref = { platform: pin.platform, channelId: pin.channelId, messageId: pin.messageId };
    const entry = knowledge.entries.find((e) => e.id === pin.faqId);
    try {
      if (!entry) {
        await adapter.edit(ref, removedAnswer(pin.faqId));
        await adapter.unpin(ref);
        await deps.store.pins.remove(pin.id);
        outcome.removed++;
        continue;
      }
      const reply = pinnedAnswer(knowledge, entry);
      const hash = pinnedAnswerHash(reply);
      if (hash === pin.answerHash) {
        // Text unchanged: nothing to edit, but the record says which pack it now matches.
        if (pin.knowledgeVersion !== knowledge.version) await deps.store.pins.updated(pin.id, knowledge.version, hash);
        continue;
      }
      await adapter.edit(ref, reply);
      await deps.store.pins.updated(pin.id, knowledge.version, hash);
      outcome.edited++;
    } catch (error) {
      if (error instanceof PlatformError && error.code === 'not-found') {
        await deps.store.pins.remove(pin.id); // deleted on the platform: nothing left to keep current
        outcome.removed++;
      } else {
        deps.logger.warn({ err: error, pinId: pin.id }, 'refreshing a pinned answer failed');
        outcome.failed++;
      }
    }
  }
  return outcome;
}
