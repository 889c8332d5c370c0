import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { type CommandContext, defineCommand } from '../../src/commands/command';
import { COMMANDS } from '../../src/commands/command-registry';
import type { CoreDeps, CoreSettings } from '../../src/conversation/core-deps';
import { infoReply } from '../../src/conversation/reply';
import type { Adapter } from '../../src/platform/adapter';
import { createTestCore } from '../support/test-core';

const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(folder, f));
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** Every node of a file, depth first. */
function* nodes(node: ts.Node): Generator<ts.Node> {
  yield node;
  for (const child of node.getChildren()) yield* nodes(child);
}

const where = (file: string, node: ts.Node) => `${file}:${node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

/** A call of the core with an incoming event (`core.dispatch(...)`, `core.handle(...)`). */
const isCoreCall = (node: ts.Node) =>
  ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['dispatch', 'handle'].includes(node.expression.name.text);

describe('the seams hold', () => {
  const adapterFiles = sourceFiles('adapters');

  it('adapters have no error boundary of their own around the core: no try or .catch around a core call', () => {
    const boundaries: string[] = [];
    for (const file of adapterFiles) {
      for (const node of nodes(parse(file))) {
        const guarded = ts.isTryStatement(node)
          ? node.tryBlock
          : ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'catch'
            ? node.expression.expression
            : null;
        if (guarded && [...nodes(guarded)].some(isCoreCall)) boundaries.push(where(file, node));
      }
    }
    expect(adapterFiles.length).toBeGreaterThan(10);
    expect(boundaries).toEqual([]);
  });

  it('adapters have no apology text: the core\'s error boundary says sorry', () => {
    const apologies = adapterFiles.filter((file) => /\bsorry\b/i.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(apologies).toEqual([]);
  });

  it('nothing outside src/store reaches a store\'s database (`.db`)', () => {
    const uses: string[] = [];
    for (const file of [...sourceFiles('src'), ...sourceFiles('adapters'), ...sourceFiles('test')]) {
      if (file.startsWith(`src${path.sep}store${path.sep}`)) continue;
      for (const node of nodes(parse(file))) {
        if ((ts.isPropertyAccessExpression(node) || ts.isPropertyAccessChain(node)) && node.name.text === 'db') uses.push(where(file, node));
        if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression) && node.argumentExpression.text === 'db') uses.push(where(file, node));
      }
    }
    expect(uses).toEqual([]);
  });
});

/** Names that would carry a credential. */
type Credential = `${string}token${string}` | `${string}secret${string}` | `${string}password${string}` | 'config';
/** `never` when none of a type's keys is named like a credential; else the offending keys. */
type CredentialKeys<T> = Extract<Lowercase<keyof T & string>, Credential>;
const none = <T extends never>(_proof?: T) => true;

describe('commands receive no tokens', () => {
  it('by type: the context, the deps, the settings and the adapters have no credential or config field', () => {
    expect(none<CredentialKeys<CommandContext>>()).toBe(true);
    expect(none<CredentialKeys<CoreDeps>>()).toBe(true);
    expect(none<CredentialKeys<CoreSettings>>()).toBe(true);
    expect(none<CredentialKeys<Adapter>>()).toBe(true);
    // The check itself can fail: an object with a token field does not pass.
    // @ts-expect-error: "discordToken" is named like a credential.
    none<CredentialKeys<{ discordToken: string }>>();
  });

  it('at run time: with every platform token set, none of them is reachable from what a handler gets', async () => {
    const tokens = {
      DISCORD_TOKEN: 'discord-token-that-must-not-leak',
      SLACK_BOT_TOKEN: 'xoxb-slack-token-that-must-not-leak',
      SLACK_APP_TOKEN: 'xapp-slack-app-token-that-must-not-leak',
      SLACK_SIGNING_SECRET: 'slack-signing-secret-that-must-not-leak',
    };
    let received: CommandContext | undefined;
    const probe = defineCommand({
      name: 'probe',
      summary: 'keeps what a handler receives',
      run: (ctx) => {
        received = ctx as CommandContext;
        return infoReply('ok');
      },
    });
    const t = await createTestCore({ env: tokens, commands: [probe, ...COMMANDS] });
    try {
      expect(t.config.DISCORD_TOKEN).toBe(tokens.DISCORD_TOKEN); // the config does hold them
      await t.core.handle({ platform: 'shell', user: { id: 'u' }, channel: { id: 'c', isDirect: true }, text: 'probe', isModerator: false });
      expect(received).toBeDefined();
      // Every string reachable from the context (settings, knowledge, store, clock, logger…), walked once.
      const seen = new Set<unknown>();
      const strings: string[] = [];
      const walk = (value: unknown): void => {
        if (typeof value === 'string') strings.push(value);
        if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
        seen.add(value);
        if (value instanceof Map) for (const [k, v] of value) [k, v].forEach(walk);
        for (const key of Object.getOwnPropertyNames(value)) {
          const descriptor = Object.getOwnPropertyDescriptor(value, key);
          if (descriptor && 'value' in descriptor) walk(descriptor.value);
        }
      };
      walk(received);
      expect(strings.length).toBeGreaterThan(100);
      for (const token of Object.values(tokens)) expect(strings.filter((s) => s.includes(token))).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });
});
