import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { ShellAdapter } from '../../adapters/shell/shell-adapter';
import type { IncomingMessage } from '../../src/conversation/incoming-message';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { reloadKnowledge } from '../../src/knowledge/watch-knowledge';
import { createLogger, silentLogger } from '../../src/logging/logger';
import { pinEntry, refreshPins } from '../../src/moderation/pin-service';
import type { MessageRef } from '../../src/platform/adapter';
import { PlatformError } from '../../src/platform/platform-error';
import { copyKnowledge, editFaq } from '../support/knowledge-copy';
import { createTestCore, type TestCore } from '../support/test-core';
import { sqlRows } from '../support/sql-rows';

function say(text: string, isModerator: boolean): IncomingMessage {
  return { platform: 'shell', user: { id: 'local' }, channel: { id: 'terminal', isDirect: true }, text, isModerator };
}

/** The shell adapter with platform refusals to order: the next pin, remove or unpin throws the given error. */
class RefusingShellAdapter extends ShellAdapter {
  pinError: Error | null = null;
  removeError: Error | null = null;
  unpinError: Error | null = null;
  readonly removed: MessageRef[] = [];

  override async pin(ref: MessageRef): Promise<void> {
    if (this.pinError) throw this.pinError;
    return super.pin(ref);
  }

  override async remove(ref: MessageRef): Promise<void> {
    this.removed.push(ref);
    if (this.removeError) throw this.removeError;
    return super.remove(ref);
  }

  override async unpin(ref: MessageRef): Promise<void> {
    if (this.unpinError) throw this.unpinError;
    return super.unpin(ref);
  }
}

describe('moderator tools (core + shell adapter)', () => {
  let t: TestCore;
  let output: string;
  let knowledgeDir: string;

  beforeEach(async () => {
    t = await createTestCore();
    knowledgeDir = copyKnowledge(t.dir);
    t.knowledge.replace(loadKnowledge(knowledgeDir));
    output = '';
    const out = new PassThrough();
    out.on('data', (d: Buffer) => {
      output += d.toString();
    });
    t.adapters.set('shell', new ShellAdapter({ core: t.core, input: new PassThrough(), output: out, logger: silentLogger(), interactive: false }));
  });
  afterEach(() => t.cleanup());

  it('pins an entry: posts the answer with sources, pins it, and records it', async () => {
    const reply = await t.core.handle(say('faq pin pain-and-numbing', true));
    expect(reply.text).toMatch(/Pinned/);
    expect(output).toMatch(/numbing/);
    expect(output).toMatch(/Sources: /);
    expect(output).toMatch(/\[pinned message \d+\]/);
    const pins = await t.store.pins.all();
    expect(pins).toHaveLength(1);
    expect(pins[0]).toMatchObject({ platform: 'shell', channelId: 'terminal', faqId: 'pain-and-numbing', knowledgeVersion: t.knowledge.knowledge.version });
    expect((await t.core.handle(say('faq list', true))).text).toMatch(/pain-and-numbing/);
  });

  describe('a pin the platform refuses (all or nothing)', () => {
    let shell: RefusingShellAdapter;
    let logLines: string[];
    beforeEach(() => {
      const out = new PassThrough();
      out.on('data', (d: Buffer) => {
        output += d.toString();
      });
      shell = new RefusingShellAdapter({ core: t.core, input: new PassThrough(), output: out, logger: silentLogger(), interactive: false });
      t.adapters.set('shell', shell);
      logLines = [];
    });
    const pain = () => t.knowledge.knowledge.entries.find((e) => e.id === 'pain-and-numbing')!;
    const pinPain = () =>
      pinEntry({ ...t.deps, logger: createLogger('debug', { write: (line: string) => void logLines.push(line) }) }, say('faq pin pain-and-numbing', true), pain());

    it('deletes the answer it just posted and says nothing was pinned, and why', async () => {
      shell.pinError = new PlatformError('pin-limit', 'Discord refused pinning: 400 code 30003');
      const reply = await pinPain();
      expect(reply).toMatchObject({ kind: 'error', ephemeral: true });
      expect(reply.text).toBe(
        'Nothing was pinned, and I removed the answer I had just posted: this channel already has the most pins allowed here. Unpin one and try again.',
      );
      expect(output).toMatch(/numbing/); // it was posted…
      expect(output).toMatch(/\[message 1 deleted\]/); // …and taken back
      expect(output).not.toMatch(/\[pinned message/);
      expect(shell.removed).toEqual([{ platform: 'shell', channelId: 'terminal', messageId: '1' }]);
      expect(await t.store.pins.all()).toHaveLength(0);
      expect(logLines.join('')).toMatch(/could not pin the posted answer/);
    });

    it('counts an answer already gone (not-found) as removed', async () => {
      shell.pinError = new PlatformError('missing-permission', 'Discord refused pinning: 403 code 50013');
      shell.removeError = new PlatformError('not-found', 'Discord refused deleting: 404 code 10008');
      const reply = await pinPain();
      expect(reply.text).toMatch(/^Nothing was pinned, and I removed the answer I had just posted: I lack a permission here: I need to be in this channel and allowed to post and pin messages in it/);
      expect(reply.text).toMatch(/\(ask an admin\)\.$/);
      expect(await t.store.pins.all()).toHaveLength(0);
    });

    it('when deleting fails too, logs it and says the answer may still be visible', async () => {
      shell.pinError = new PlatformError('pin-limit', 'Slack pins.add failed: too_many_pins');
      shell.removeError = new PlatformError('failed', 'Slack chat.delete failed: http_500');
      const reply = await pinPain();
      expect(reply.text).toBe(
        'Nothing was pinned: this channel already has the most pins allowed here. Unpin one and try again. ' +
          'I could not remove the answer I had just posted, so it may still be visible in this channel; delete it by hand if you do not want it.',
      );
      expect(shell.removed).toHaveLength(1);
      expect(await t.store.pins.all()).toHaveLength(0);
      const warning = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => /removing the answer/.test(String(l.msg)));
      expect(warning).toMatchObject({ level: 40, faqId: 'pain-and-numbing', message: '1', err: { message: 'Slack chat.delete failed: http_500' } });
    });

    it('a post that fails posts and deletes nothing', async () => {
      const send = jest.spyOn(shell, 'send').mockRejectedValue(new PlatformError('missing-permission', 'no Send Messages'));
      const reply = await pinPain();
      expect(send).toHaveBeenCalledTimes(1);
      expect(reply.text).toMatch(/^I could not post the answer: I lack a permission here/);
      expect(shell.removed).toHaveLength(0);
      expect(output).toBe('');
    });

    it('an unpin the platform refuses says so, and keeps the record', async () => {
      await pinPain();
      shell.unpinError = new PlatformError('missing-permission', 'Discord refused unpinning: 403 code 50013');
      const reply = await t.core.handle(say('faq unpin pain-and-numbing', true));
      expect(reply.text).toMatch(/^I could not unpin it: I lack a permission here/);
      expect(await t.store.pins.all()).toHaveLength(1);
    });
  });

  it('two moderators pinning one entry at once (two processes on one database): one row, the second answer taken down', async () => {
    const other = await createTestCore({ env: { DATABASE_PATH: t.config.DATABASE_PATH } });
    try {
      other.knowledge.replace(t.knowledge.knowledge);
      const shellFor = (core: TestCore) =>
        new RefusingShellAdapter({ core: core.core, input: new PassThrough(), output: new PassThrough(), logger: silentLogger(), interactive: false });
      const [mine, theirs] = [shellFor(t), shellFor(other)];
      t.adapters.set('shell', mine);
      other.adapters.set('shell', theirs);
      const entry = t.knowledge.knowledge.entries.find((e) => e.id === 'pain-and-numbing')!;
      // Both look for an existing pin before either has recorded one: both post, the store keeps the first.
      const replies = await Promise.all([pinEntry(t.deps, say('faq pin pain-and-numbing', true), entry), pinEntry(other.deps, say('faq pin pain-and-numbing', true), entry)]);
      expect(replies.map((r) => r.text).sort()).toEqual([
        '"pain-and-numbing" was just pinned in this channel by someone else; I keep that one current.',
        'Pinned "Does microneedling hurt?" (pain-and-numbing) in this channel.',
      ]);
      expect(await t.store.pins.all()).toHaveLength(1);
      // The moderator told "someone else" is the one whose posted answer was removed, and only that one.
      const loser = /someone else/.test(replies[0]!.text) ? mine : theirs;
      const winner = loser === mine ? theirs : mine;
      expect([loser.removed.length, winner.removed.length]).toEqual([1, 0]);
    } finally {
      await other.cleanup();
    }
  });

  it('refuses non-moderators and changes nothing', async () => {
    for (const command of ['faq pin pain-and-numbing', 'faq list', 'faq gaps', 'faq stats', 'faq unpin pain-and-numbing']) {
      const reply = await t.core.handle(say(command, false));
      expect(reply.kind).toBe('refusal');
      expect(reply.ephemeral).toBe(true);
    }
    expect(output).toBe('');
    expect(await t.store.pins.all()).toHaveLength(0);
  });

  it('offers the closest entries for an unknown topic', async () => {
    const reply = await t.core.handle(say('faq pin sunscren', true));
    expect(reply.text).toMatch(/No FAQ entry is called "sunscren"/);
    expect(reply.text).toMatch(/sun/);
    expect(await t.store.pins.all()).toHaveLength(0);
  });

  it('edits a pinned answer whose text changed, and edits then unpins one whose entry was removed', async () => {
    await t.core.handle(say('faq pin pain-and-numbing', true));
    await t.core.handle(say('faq pin sunscreen-two-weeks', true));
    const sunscreenId = (await t.store.pins.all()).find((p) => p.faqId !== 'pain-and-numbing')?.faqId;
    output = '';
    editFaq(knowledgeDir, (doc) => {
      const pain = doc.entries.find((e) => e.id === 'pain-and-numbing');
      if (pain) pain.answer = 'Numbing cream is put on first, so most people feel only minor discomfort (edited).';
      doc.entries = doc.entries.filter((e) => e.id !== sunscreenId);
    });
    const result = await reloadKnowledge(t.knowledge, knowledgeDir, silentLogger());
    expect(result).toMatchObject({ ok: true, changed: true });
    const outcome = await refreshPins(t.deps, t.knowledge.knowledge);
    expect(outcome).toEqual({ edited: 1, removed: 1, failed: 0 });
    expect(output).toMatch(/\(edited\)/);
    expect(output).toMatch(/was removed from the aftercare guide/);
    expect(output).toMatch(/\[unpinned message \d+\]/);
    expect((await t.store.pins.all()).map((p) => p.faqId)).toEqual(['pain-and-numbing']);
    // Nothing changed since: a second refresh edits nothing.
    expect(await refreshPins(t.deps, t.knowledge.knowledge)).toEqual({ edited: 0, removed: 0, failed: 0 });
  });

  it('refuses a broken knowledge edit and keeps the old answers live', async () => {
    const before = t.knowledge.knowledge.version;
    writeFileSync(path.join(knowledgeDir, 'faq.yaml'), 'entries:\n  - id: Broken Id\n    question: ""\n');
    const result = await reloadKnowledge(t.knowledge, knowledgeDir, silentLogger());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/faq\.yaml/);
    expect(t.knowledge.knowledge.version).toBe(before);
    expect((await t.core.handle(say('does it hurt', false))).text).toMatch(/numb/i);
  });

  it('lists declined questions by count, without user ids, and shows rates', async () => {
    const asker = (id: string, text: string): IncomingMessage => ({ ...say(text, false), user: { id } });
    await t.core.handle(asker('user-a', 'how much should I tip my esthetician'));
    await t.core.handle(asker('user-b', 'How much should I TIP my esthetician?!'));
    await t.core.handle(asker('user-c', 'can I bring my dog to the appointment'));
    await t.core.handle(asker('user-c', 'does it hurt'));
    const gaps = await t.core.handle(say('faq gaps', true));
    const lines = gaps.text.split('\n');
    expect(lines[1]).toMatch(/^• 2× "how much should i tip my esthetician"/);
    expect(lines[2]).toMatch(/^• 1× ".*dog.*"/);
    const rows = JSON.stringify(sqlRows(t.config.DATABASE_PATH, 'SELECT * FROM question_events'));
    for (const id of ['user-a', 'user-b', 'user-c']) expect(rows).not.toContain(id);
    const stats = await t.core.handle(say('faq stats', true));
    expect(stats.text).toMatch(/Last 7 days: 4 questions, 1 answered, 3 declined \(75%\), 0 escalated/);
  });

  it('forgets questions older than 30 days', async () => {
    await t.core.handle(say('how much should I tip', false));
    t.clock.advance(31 * 86_400_000);
    const gaps = await t.core.handle(say('faq gaps', true));
    expect(gaps.text).toMatch(/No unanswered questions/);
    expect(await t.store.questions.count()).toBe(0);
  });
});
