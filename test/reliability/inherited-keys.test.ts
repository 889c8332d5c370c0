import { platformErrorCode } from '../../adapters/slack/slack-errors';
import { APOLOGY } from '../../src/conversation/middleware/error-boundary';
import { parseStartArgs } from '../../src/checkins/parse-start-args';
import { dm } from '../checkins/support/checkin-fixtures';
import { createTestCore, type TestCore } from '../support/test-core';

/** Words a person (or the network) sends are never looked up among Object.prototype's properties. */
describe('lookups keyed by outside text', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(() => t.cleanup());

  it.each(['constructor', '__proto__', 'hasOwnProperty', 'toString'])('"checkins start %s" is an unknown word, not a date', async (word) => {
    expect(parseStartArgs(word).ok).toBe(false);
    const reply = await t.core.handle(dm(`checkins start ${word}`, { id: 'u1' }));
    expect(reply.text).not.toBe(APOLOGY);
    expect(reply.text).toMatch(/No check-ins were set up/);
    expect(t.store.checkins.subscriptions.count()).toBe(0);
  });

  it('maps a Slack error string named like a prototype property to a plain failure', () => {
    expect(platformErrorCode('constructor', 'channel')).toBe('failed');
    expect(platformErrorCode('__proto__', 'pin')).toBe('failed');
    expect(platformErrorCode('too_many_pins', 'pin')).toBe('pin-limit');
  });
});
