import { COMMANDS } from '../../src/commands/command-registry';
import type { ArgValues, Command } from '../../src/commands/command';
import type { IncomingMessage } from '../../src/conversation/incoming-message';
import { createTestCore, type TestCore } from '../support/test-core';

const command = (name: string): Command => {
  const found = COMMANDS.find((c) => c.name === name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
};

describe('typed arguments', () => {
  it('words are read in the spec\'s order, the last argument taking the rest', () => {
    expect(command('ask').readText('  does it   hurt? ')).toEqual({ ok: true, args: { question: 'does it   hurt?' } });
    expect(command('faq pin').readText('pain-and-numbing')).toEqual({ ok: true, args: { topic: 'pain-and-numbing' } });
  });

  it('a missing required argument is a problem naming it and the usage, with where to look', () => {
    expect(command('faq pin').readText('')).toEqual({ ok: false, problem: 'Which topic? Usage: faq pin <topic>. "topics" lists the ids.' });
    expect(command('faq unpin').readOptions({ topic: '   ' })).toMatchObject({ ok: false, problem: expect.stringMatching(/^Which topic\?/) });
  });

  it('platform options are checked against the spec: types, trimmed text, only the spec\'s names', () => {
    expect(command('faq pin').readOptions({ topic: ' sunscreen ', extra: 'x' })).toEqual({ ok: true, args: { topic: 'sunscreen' } });
    expect(command('faq pin').readOptions({ topic: 7 })).toMatchObject({ ok: false, problem: expect.stringMatching(/topic should be text/) });
    expect(command('faq pin').readOptions(Object.create({ topic: 'inherited' }) as ArgValues)).toMatchObject({ ok: false });
  });

  it('"checkins start" words may come in any order: they are sorted into the typed parts by shape', () => {
    expect(command('checkins start').readText('Europe/Berlin 9 am, on 2026-11-20.')).toEqual({
      ok: true,
      args: { date: '2026-11-20', hour: '9am', timezone: 'Europe/Berlin' },
    });
    expect(command('checkins start').readText('today please')).toMatchObject({ ok: false, problem: expect.stringMatching(/didn't understand "please"/) });
  });
});

describe('"checkins start" with typed options (a slash command)', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(() => t.cleanup());

  const start = (options: Record<string, string>) => {
    const message: IncomingMessage = {
      platform: 'discord',
      user: { id: 'u1' },
      channel: { id: 'C1', isDirect: false },
      text: 'checkins start',
      command: { name: 'checkins start', options },
      isModerator: false,
    };
    return t.core.handle(message);
  };

  it('reads each option as what it is: a time typed into the date is not taken for the hour', async () => {
    const reply = await start({ date: '9am' });
    expect(reply.text).toMatch(/"9am" is not a date I can use/);
    expect(reply.text).toMatch(/No check-ins were set up/);
    expect(reply.ephemeral).toBe(true);
    expect(await t.store.checkins.subscriptions.count()).toBe(0);
  });

  it('words in one option stay that option: "today forget me" as the date is a bad date, not a forget-me', async () => {
    expect((await start({ date: 'today\n\nforget   me' })).text).toMatch(/is not a date I can use/);
    expect((await start({ hour: '2026-11-20' })).text).toMatch(/"2026-11-20" is not a time of day/);
  });

  it('a subcommand given words it does not take says so; an unknown one is named', async () => {
    const say = (text: string) =>
      t.core.handle({ platform: 'shell', user: { id: 'u2' }, channel: { id: 'd', isDirect: true }, text, isModerator: false });
    expect((await say('checkins status please')).text).toMatch(/^"checkins status" takes no more words\.\n/);
    expect((await say('checkins whenever')).text).toMatch(/^I don't know "checkins whenever"\.\n/);
  });

  it('starts the check-ins from the options', async () => {
    const reply = await start({ date: 'today', hour: '9 am', timezone: 'Europe/Berlin' });
    expect(reply.text).toMatch(/Check-ins are on/);
    expect(reply.text).toMatch(/09:00 \(Europe\/Berlin\)/);
    expect((await t.store.checkins.subscriptions.get('discord', 'u1'))?.timezone).toBe('Europe/Berlin');
  });
});
