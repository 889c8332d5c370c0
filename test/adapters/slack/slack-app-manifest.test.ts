import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SLASH_COMMAND } from '../../../adapters/slack/slash-commands';

interface Manifest {
  features: { slash_commands: Array<{ command: string; url: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

describe('Slack app manifest', () => {
  const manifest = parse(
    readFileSync(path.join(__dirname, '..', '..', '..', 'adapters', 'slack', 'slack-app-manifest.yaml'), 'utf8'),
  ) as Manifest;

  it('asks for the scopes and events the adapter uses, the slash command and interactivity', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'im:read', 'im:write', 'pins:write', 'users:read'],
    );
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(url).toMatch(/\/slack\/events$/);
  });
});
