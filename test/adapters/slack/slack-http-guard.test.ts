import { request } from 'node:http';
import { GENERAL_CHANNEL } from '../../emulators/slack';
import { type SlackHarness, startSlackHarness } from './support/slack-harness';

/** Issue 11 #5: what Slack's HTTP endpoint refuses before it buffers or believes a request. */
describe('Slack HTTP mode: refusals before the body', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ mode: 'http' });
  });
  afterEach(() => h.stop());

  /** Declares a large body, sends only its first bytes, and returns the status the bot answers with meanwhile. */
  function declareLargeBody(length: number, headers: Record<string, string> = {}): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: h.adapter.port, path: '/slack/events', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(length), ...headers } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', (error) => {
        // The server may close the socket right after answering; the status already resolved the promise.
        if (!(error as NodeJS.ErrnoException).code?.startsWith('ECONNRESET')) reject(error);
      });
      // The rest of the body never comes: a bot that waits to buffer it never answers (0 after 3 s, not a hang).
      req.write('{"type":"event_callback"');
      setTimeout(() => {
        resolve(0);
        req.destroy();
      }, 3000).unref();
    });
  }

  it('refuses a body over the limit from its Content-Length, without waiting for it (unsigned or signed)', async () => {
    expect(await declareLargeBody(3 * 1024 * 1024)).toBe(413);
    const now = String(Math.floor(Date.now() / 1000));
    expect(await declareLargeBody(3 * 1024 * 1024, { 'x-slack-signature': 'v0=00', 'x-slack-request-timestamp': now })).toBe(413);
    expect(h.seen).toHaveLength(0);
  });

  it('refuses a correctly signed request whose timestamp is more than 5 minutes in the future', async () => {
    const body = { type: 'event_callback', event_id: 'Ev-future', event: { type: 'app_mention', user: 'U0ALICE', text: 'does it hurt?', ts: '1.1', channel: GENERAL_CHANNEL } };
    const future = await h.http!.postJson(body, { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    expect(future.status).toBe(401);
    expect(h.seen).toHaveLength(0);
    // Within the window (clocks differ a little) it is still accepted.
    const nearFuture = await h.http!.postJson({ ...body, event_id: 'Ev-near' }, { timestamp: Math.floor(Date.now() / 1000) + 60 });
    expect(nearFuture.status).toBe(200);
  });
});
