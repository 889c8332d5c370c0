import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema } from '../../src/config/config-schema';

const ROOT = path.join(__dirname, '..', '..');

/** Every setting the bot reads is documented for operators, and nothing documented is unread. */
describe('.env.example and README', () => {
  const schemaKeys = Object.keys(configSchema.innerType().shape).sort();

  it('lists every setting, each with a comment above it', () => {
    const lines = readFileSync(path.join(ROOT, '.env.example'), 'utf8').split('\n');
    const keys = lines.map((l) => /^([A-Z_]+)=/.exec(l)?.[1]).filter((k): k is string => Boolean(k));
    expect([...keys].sort()).toEqual(schemaKeys);
    for (const key of keys) {
      const above = lines[lines.findIndex((l) => l.startsWith(`${key}=`)) - 1] ?? '';
      expect(above.startsWith('#')).toBe(true);
    }
  });

  it('the .env.example values themselves pass validation', () => {
    const env = Object.fromEntries(
      readFileSync(path.join(ROOT, '.env.example'), 'utf8')
        .split('\n')
        .map((l) => /^([A-Z_]+)=(.*)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], m[2]]),
    );
    expect(configSchema.safeParse(env).success).toBe(true);
  });

  it('has a README configuration row for every setting', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const key of schemaKeys) expect(readme).toContain(`| \`${key}\` |`);
  });
});
