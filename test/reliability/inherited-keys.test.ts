import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { platformErrorCode } from '../../adapters/slack/slack-errors';
import { CHECKIN_ACTION_PREFIX } from '../../src/checkins/checkin-message';
import { CheckinScheduler } from '../../src/checkins/checkin-scheduler';
import { parseStartArgs } from '../../src/checkins/parse-start-args';
import { APOLOGY } from '../../src/conversation/middleware/error-boundary';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { silentLogger } from '../../src/logging/logger';
import { dm, press, RecordingAdapter } from '../checkins/support/checkin-fixtures';
import { seedSubscription } from '../checkins/support/seed';
import { copyKnowledge } from '../support/knowledge-copy';
import { sqlRows } from '../support/sql-rows';
import { createTestCore, type TestCore } from '../support/test-core';

/**
 * Words a person, the network or a clinic's pack sends are never looked up among Object.prototype's properties:
 * on a plain object `lookup['constructor']` is a function and `lookup['__proto__']` an object, so a table keyed by
 * outside text answers them with nonsense or a crash. Every surface where outside words become keys gets them.
 */
const PROTOTYPE_WORDS = ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf'];
/** What a prototype member looks like when it leaks into a reply. */
const LEAK = /function|native code|\[object|undefined/;
const NOW = new Date('2026-11-26T10:00:00Z');

describe('lookups keyed by outside text', () => {
  let t: TestCore;
  beforeEach(async () => {
    // One person sends every word here; the rate limit is the flood test's subject.
    t = await createTestCore({ now: NOW, env: { RATE_LIMIT_BURST: '1000' } });
  });
  afterEach(() => t.cleanup());

  const moderator = (text: string) => ({ ...dm(text, { id: 'm1' }), isModerator: true, channel: { id: 'C1', isDirect: false } });

  it.each(PROTOTYPE_WORDS)('"checkins start %s" is an unknown word, not a date', async (word) => {
    expect(parseStartArgs(word).ok).toBe(false);
    const reply = await t.core.handle(dm(`checkins start ${word}`, { id: 'u1' }));
    expect(reply.text).not.toBe(APOLOGY);
    expect(reply.text).toMatch(/No check-ins were set up/);
    expect(await t.store.checkins.subscriptions.count()).toBe(0);
  });

  it.each(PROTOTYPE_WORDS)('"%s" as a question, a typed time zone and a topic to pin gets an ordinary answer', async (word) => {
    const question = await t.core.handle(dm(word, { id: 'u1' }));
    expect(question.kind).toBe('fallback');
    const inQuestion = await t.core.handle(dm(`is ${word} ok after microneedling?`, { id: 'u1' }));
    expect(inQuestion.text).not.toBe(APOLOGY);
    const zone = await t.core.handle(dm(`checkins start 2026-11-25 9 ${word}`, { id: 'u1' }));
    expect(zone.text).toContain(`I didn't understand "${word}"`);
    const pin = await t.core.handle(moderator(`faq pin ${word}`));
    expect(pin.text).toContain(`No FAQ entry is called "${word}"`);
    for (const reply of [question, inQuestion, zone, pin]) expect(reply.text).not.toMatch(LEAK);
  });

  it.each(PROTOTYPE_WORDS)('a platform profile with the time zone "%s" falls back to UTC', async (word) => {
    const reply = await t.core.handle(dm('checkins start 2026-11-25 9', { id: 'u1', timezone: word }));
    expect(reply.text).toMatch(/Check-ins are on/);
    expect((await t.core.handle(dm('status', { id: 'u1' }))).text).toContain('(UTC)');
  });

  it.each(PROTOTYPE_WORDS)('buttons and commands named "%s" are stale, not run', async (word) => {
    for (const action of [`faq:${word}`, `checkins:${word}`, word, `${CHECKIN_ACTION_PREFIX}1:${word}`]) {
      const reply = await t.core.handle(press(action, 'u1'));
      expect(reply.kind).toBe('error');
      expect(reply.text).toMatch(/no longer/);
    }
    const slash = await t.core.handle({ ...dm('', { id: 'u1' }), command: { name: word, options: { [word]: word } } });
    expect(slash.text).toMatch(/not available any more/);
  });

  it('a check-in answered with these words records nothing', async () => {
    const adapter = new RecordingAdapter('discord');
    t.adapters.set('discord', adapter);
    await seedSubscription(t.store, { userId: 'u1', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime() - 60_000], now: NOW.getTime() - 86_400_000 });
    const scheduler = new CheckinScheduler({ ...t.deps, logger: silentLogger(), cron: t.config.CHECKIN_CRON });
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    await scheduler.stop();
    const [row] = sqlRows<{ id: number }>(t.config.DATABASE_PATH, 'SELECT id FROM scheduled_checkins');
    for (const word of PROTOTYPE_WORDS) {
      const typed = await t.core.handle(dm(word, { id: 'u1' }));
      expect(typed.text).not.toBe(APOLOGY);
      const pressed = await t.core.handle(press(`${CHECKIN_ACTION_PREFIX}${row!.id}:${word}`, 'u1'));
      expect(pressed.kind).toBe('error');
      for (const reply of [typed, pressed]) expect(reply.text).not.toMatch(LEAK);
    }
    expect(sqlRows(t.config.DATABASE_PATH, 'SELECT * FROM checkin_responses')).toEqual([]);
  });

  it('maps a Slack error string named like a prototype property to a plain failure', () => {
    expect(platformErrorCode('constructor', 'channel')).toBe('failed');
    expect(platformErrorCode('__proto__', 'pin')).toBe('failed');
    expect(platformErrorCode('too_many_pins', 'pin')).toBe('pin-limit');
  });
});

describe('a clinic pack with a check-in topic named "constructor"', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('describes that topic in words, and a new topic by its own words', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-topics-'));
    const knowledgeDir = copyKnowledge(dir);
    const file = path.join(knowledgeDir, 'checkins.yaml');
    const doc = YAML.parse(readFileSync(file, 'utf8')) as { topics: string[]; checkins: Array<{ topic: string }> };
    // Day 2 and day 3 of the shipped plan get topics no table in src/ knows.
    doc.topics.push('constructor', 'new-swelling');
    doc.checkins[1]!.topic = 'constructor';
    doc.checkins[2]!.topic = 'new-swelling';
    writeFileSync(file, YAML.stringify(doc));
    const t = await createTestCore({ now: NOW, knowledge: loadKnowledge(knowledgeDir) });
    try {
      const reply = await t.core.handle(dm('checkins start 2026-11-25 9 UTC', { id: 'u1' }));
      expect(reply.text).toMatch(/Check-ins are on/);
      expect(reply.text).toContain('constructor (day');
      expect(reply.text).toContain('new swelling (day');
      expect(reply.text).not.toMatch(LEAK);
    } finally {
      await t.cleanup();
    }
  });
});
