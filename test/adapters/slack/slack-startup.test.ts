import { type AddressInfo, createServer } from 'node:net';
import { createSlackAdapter } from '../../../adapters/slack/slack-adapter';
import { loadConfig } from '../../../src/config/load-config';
import { silentLogger } from '../../../src/logging/logger';
import { type SlackEmulator, startSlackEmulator } from '../../emulators/slack';
import { UNUSED_CORE } from '../../support/core-wrapper';

const core = UNUSED_CORE;

describe('Slack adapter start-up', () => {
  let emu: SlackEmulator;

  beforeEach(async () => {
    emu = await startSlackEmulator();
  });

  afterEach(async () => {
    await emu.close();
  });

  it('makes no network call when created, and fails start() clearly on a refused bot token', async () => {
    const config = {
      ...loadConfig({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: emu.apiUrl }),
      PORT: 0,
    };
    const adapter = createSlackAdapter({ config, core, logger: silentLogger() });
    expect(emu.calls()).toHaveLength(0);
    await expect(adapter.start()).rejects.toThrow('Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth)');
    expect(adapter.port).toBeUndefined();
  });

  it('fails start() in Socket Mode when the app token is refused', async () => {
    const config = {
      ...loadConfig({ SLACK_BOT_TOKEN: emu.botToken, SLACK_APP_TOKEN: 'xapp-wrong', SLACK_API_URL: emu.apiUrl }),
      PORT: 0,
    };
    const adapter = createSlackAdapter({
      config,
      core,
      logger: silentLogger(),
      tuning: { retryConfig: { retries: 0 } },
    });
    await expect(adapter.start()).rejects.toThrow(
      'Slack could not open a Socket Mode connection (apps.connections.open: invalid_auth)',
    );
    await adapter.stop();
  });

  it('fails start() clearly when the HTTP port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const config = {
        ...loadConfig({ SLACK_BOT_TOKEN: emu.botToken, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: emu.apiUrl }),
        PORT: port,
      };
      const adapter = createSlackAdapter({ config, core, logger: silentLogger() });
      await expect(adapter.start()).rejects.toThrow(new RegExp(`Slack could not listen on port ${port}: .*EADDRINUSE`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('needs a signing secret or an app token next to the bot token', () => {
    const config = { ...loadConfig({}), SLACK_BOT_TOKEN: 'xoxb-1' };
    expect(() => createSlackAdapter({ config, core, logger: silentLogger() })).toThrow(
      /SLACK_SIGNING_SECRET \(HTTP mode\) or SLACK_APP_TOKEN \(Socket Mode\)/,
    );
  });
});
