/**
 * The emulator as a standalone server, for checking the bot by hand:
 *   npx tsx test/emulators/discord/serve.ts [port]
 * then start the bot with the printed DISCORD_TOKEN and DISCORD_API_URL. Each line typed here is posted
 * as "@bot <line>" by a test member in #aftercare (a line starting with "dm " is sent as a DM instead);
 * the bot's messages are printed as they arrive.
 */
import { createInterface } from 'node:readline';
import { DiscordEmulator } from './discord-emulator';

async function serve(): Promise<void> {
  const port = Number(process.argv[2] ?? 0);
  const emu = await DiscordEmulator.start({ port, botToken: process.env['EMULATOR_TOKEN'] });
  const member = emu.createMember({ username: 'tester' });
  process.stdout.write(`DISCORD_TOKEN=${emu.token}\nDISCORD_API_URL=${emu.apiUrl}\n`);
  emu.gateway.on('identify', () => process.stdout.write('[bot connected]\n'));
  emu.gateway.on('resume', () => process.stdout.write('[bot resumed]\n'));

  let stopped = false;
  const printNext = (): void => {
    if (stopped) return;
    emu
      .waitForRequest((r) => r.status === 200 && r.method === 'POST' && /^\/(channels\/\d+\/messages|webhooks\/)/.test(r.path), 'a bot message')
      .then((r) => {
        process.stdout.write(`[bot] ${(r.response as { content?: string }).content ?? ''}\n`);
        printNext();
      })
      .catch(() => printNext());
  };
  printNext();

  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.startsWith('dm ')) emu.dm(member, line.slice(3));
    else if (line.trim()) emu.mentionBot(member, line);
  });
  lines.on('close', () => {
    stopped = true;
    void emu.stop();
  });
}

void serve();
