import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { SlackAdapter } from '../../../adapters/slack/slack-adapter';
import { type RunningApp, startApp } from '../../../src/app/start-app';
import { loadConfig } from '../../../src/config/load-config';
import { ManualClock } from '../../../src/time/clock';
import { GENERAL_CHANNEL, httpTransport, SignedClient, SlackDriver, type SlackEmulator, startSlackEmulator } from '../../emulators/slack';
import { copyKnowledge, editFaq } from '../../support/knowledge-copy';
import { LogCapture } from './support/log-capture';
import { type SlackHarness, startSlackHarness } from './support/slack-harness';
import { sqlRows } from '../../support/sql-rows';

describe('Slack moderator tools', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ mode: 'http', env: { SLACK_MODERATORS: 'U0BOB' } });
  });
  afterEach(() => h.stop());

  it('lets a workspace admin pin an answer: the message, then the pin', async () => {
    const { responseId } = await h.driver.slash({ text: 'faq pin pain-and-numbing', user: 'U0ADMIN' });
    const confirmation = await h.emu.waitForResponse(responseId);
    expect(String(confirmation.params.text)).toMatch(/Pinned/);
    const posted = h.emu.calls('chat.postMessage');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.params.channel).toBe(GENERAL_CHANNEL);
    expect(String(posted[0]?.params.text)).toMatch(/numbing/);
    const pin = h.emu.calls('pins.add');
    expect(pin).toHaveLength(1);
    expect(pin[0]?.params).toMatchObject({ channel: GENERAL_CHANNEL, timestamp: posted[0]?.result?.ts });
    expect(h.emu.state.pinsOf(GENERAL_CHANNEL).size).toBe(1);
    expect(await h.testCore.store.pins.all()).toHaveLength(1);
  });

  it('lets a user listed in SLACK_MODERATORS pin too', async () => {
    const { responseId } = await h.driver.slash({ text: 'faq pin sunscreen-two-weeks', user: 'U0BOB' });
    expect(String((await h.emu.waitForResponse(responseId)).params.text)).toMatch(/Pinned/);
    expect(h.emu.calls('pins.add')).toHaveLength(1);
  });

  it('refuses anyone else, ephemerally, with no message and no pin', async () => {
    for (const text of ['faq pin pain-and-numbing', 'faq gaps', 'faq stats', 'faq list']) {
      const { responseId } = await h.driver.slash({ text, user: 'U0ALICE' });
      const refusal = await h.emu.waitForResponse(responseId);
      expect(String(refusal.params.text)).toMatch(/Only moderators/);
      expect(refusal.params.response_type ?? 'ephemeral').toBe('ephemeral');
    }
    expect(h.emu.calls('chat.postMessage')).toHaveLength(0);
    expect(h.emu.calls('pins.add')).toHaveLength(0);
  });

  it.each([
    [
      'not_in_channel',
      'Nothing was pinned, and I removed the answer I had just posted: I lack a permission here: I need to be in this channel and allowed to post and pin messages in it (ask an admin).',
    ],
    [
      'too_many_pins',
      'Nothing was pinned, and I removed the answer I had just posted: this channel already has the most pins allowed here. Unpin one and try again.',
    ],
  ])('a refused pin (%s) deletes the posted answer again and says privately that nothing was pinned', async (error, answer) => {
    h.emu.failNext('pins.add', { kind: 'error', error });
    const { responseId } = await h.driver.slash({ text: 'faq pin pain-and-numbing', user: 'U0ADMIN' });
    const reply = await h.emu.waitForResponse(responseId);
    expect(reply.params.text).toBe(answer);
    expect(reply.params.response_type ?? 'ephemeral').toBe('ephemeral');

    const [posted] = h.emu.calls('chat.postMessage');
    const ts = posted?.result?.ts;
    expect(h.emu.calls('pins.add').map((c) => [c.params.timestamp, c.error])).toEqual([[ts, error]]);
    const deleted = h.emu.calls('chat.delete');
    expect(deleted.map((c) => [c.params.channel, c.params.ts, c.ok])).toEqual([[GENERAL_CHANNEL, ts, true]]);
    expect(deleted[0]!.seq).toBeGreaterThan(h.emu.calls('pins.add')[0]!.seq);
    // Nothing left behind: no message, no pin, no record.
    expect(h.emu.state.message(GENERAL_CHANNEL, String(ts))).toBeUndefined();
    expect(h.emu.state.history(GENERAL_CHANNEL)).toHaveLength(0);
    expect(h.emu.state.pinsOf(GENERAL_CHANNEL).size).toBe(0);
    expect(await h.testCore.store.pins.all()).toHaveLength(0);
    // The core answered, not the adapter's error boundary.
    expect(h.logs.find('event failed')).toHaveLength(0);
  });

  it('a refused pin whose answer cannot be deleted either says the answer may still be visible', async () => {
    h.emu.failNext('pins.add', { kind: 'error', error: 'too_many_pins' });
    h.emu.failNext('chat.delete', { kind: 'error', error: 'cant_delete_message' });
    const { responseId } = await h.driver.slash({ text: 'faq pin pain-and-numbing', user: 'U0ADMIN' });
    const reply = await h.emu.waitForResponse(responseId);
    expect(reply.params.text).toBe(
      'Nothing was pinned: this channel already has the most pins allowed here. Unpin one and try again. ' +
        'I could not remove the answer I had just posted, so it may still be visible in this channel; delete it by hand if you do not want it.',
    );
    expect(h.emu.calls('chat.delete').map((c) => c.error)).toEqual(['cant_delete_message']);
    expect(h.emu.state.history(GENERAL_CHANNEL)).toHaveLength(1);
    expect(h.emu.state.pinsOf(GENERAL_CHANNEL).size).toBe(0);
    expect(await h.testCore.store.pins.all()).toHaveLength(0);
  });

  it('shows moderators the gaps, with no user id in the store', async () => {
    await h.driver.dm({ text: 'how much should I tip my esthetician', user: 'U0ALICE' });
    await h.emu.waitForCall('chat.postMessage');
    const { responseId } = await h.driver.slash({ text: 'faq gaps', user: 'U0ADMIN' });
    expect(String((await h.emu.waitForResponse(responseId)).params.text)).toMatch(/1× "how much should i tip my esthetician"/);
    expect(JSON.stringify(sqlRows(h.testCore.config.DATABASE_PATH, 'SELECT * FROM question_events'))).not.toContain('U0ALICE');
  });
});

describe('Slack living pins (the whole app, a real knowledge folder)', () => {
  let emu: SlackEmulator;
  let app: RunningApp;
  let driver: SlackDriver;
  let knowledgeDir: string;
  let dir: string;
  let logs: LogCapture;

  beforeEach(async () => {
    emu = await startSlackEmulator();
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-slack-pins-'));
    logs = new LogCapture();
    knowledgeDir = copyKnowledge(dir);
    const config = {
      ...loadConfig({
        SLACK_BOT_TOKEN: emu.botToken,
        SLACK_SIGNING_SECRET: emu.signingSecret,
        SLACK_API_URL: emu.apiUrl,
        KNOWLEDGE_DIR: knowledgeDir,
        DATABASE_PATH: path.join(dir, 'app.db'),
      }),
      PORT: 0,
    };
    app = await startApp({
      config,
      logger: logs.logger,
      clock: new ManualClock(new Date('2026-11-26T10:00:00Z')),
      input: new PassThrough(),
      output: new PassThrough(),
      interactive: false,
    });
    const port = (app.adapters.get('slack') as SlackAdapter).port;
    driver = new SlackDriver(emu, httpTransport(new SignedClient(`http://127.0.0.1:${port}/slack/events`, emu.signingSecret)));
    for (const topic of ['pain-and-numbing', 'sunscreen-two-weeks']) {
      const { responseId } = await driver.slash({ text: `faq pin ${topic}`, user: 'U0ADMIN' });
      await emu.waitForResponse(responseId);
    }
    expect(emu.state.pinsOf(GENERAL_CHANNEL).size).toBe(2);
  });

  afterEach(async () => {
    await app.stop();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('edits a pinned answer in place when its text changes in the file', async () => {
    const updated = emu.waitForCall('chat.update');
    editFaq(knowledgeDir, (doc) => {
      const pain = doc.entries.find((e) => e.id === 'pain-and-numbing');
      if (pain) pain.answer = 'Topical numbing keeps the minor pain down (clinic wording, edited).';
    });
    const call = await updated;
    expect(String(call.params.text)).toMatch(/clinic wording, edited/);
    expect(emu.state.pinsOf(GENERAL_CHANNEL).size).toBe(2);
    expect(emu.calls('chat.update')).toHaveLength(1);
  });

  it('edits and unpins a pin whose entry was removed', async () => {
    const unpinned = emu.waitForCall('pins.remove');
    editFaq(knowledgeDir, (doc) => {
      doc.entries = doc.entries.filter((e) => e.id !== 'sunscreen-two-weeks');
    });
    await unpinned;
    const update = emu.calls('chat.update');
    expect(update).toHaveLength(1);
    expect(String(update[0]?.params.text)).toMatch(/removed from the aftercare guide/);
    expect(emu.state.pinsOf(GENERAL_CHANNEL).size).toBe(1);
  });

  it('refuses a broken edit and keeps answering from the last good pack', async () => {
    const version = app.knowledge.knowledge.version;
    // The app's own watcher sees the edit and refuses it (its log line says so).
    const refused = logs.waitFor('knowledge edit refused; the previous pack stays live');
    writeFileSync(path.join(knowledgeDir, 'faq.yaml'), 'entries: [ {id: oops} ]\n');
    expect(String((await refused).problem)).toMatch(/faq\.yaml/);
    expect(app.knowledge.knowledge.version).toBe(version);
    const asked = await driver.mention({ text: 'does microneedling hurt?' });
    const answer = await emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === asked.ts);
    expect(String(answer.params.text)).toMatch(/numbing/);
    expect(emu.calls('chat.update')).toHaveLength(0);
  });
});
