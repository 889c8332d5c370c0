import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { KNOWLEDGE_DIR } from './test-core';

/** Copies the real pack into `dir` so a test can edit it. */
export function copyKnowledge(dir: string): string {
  const target = path.join(dir, 'knowledge');
  cpSync(KNOWLEDGE_DIR, target, { recursive: true });
  return target;
}

/** Rewrites faq.yaml in `knowledgeDir` through `change` (the parsed document). */
export function editFaq(knowledgeDir: string, change: (doc: { entries: Array<Record<string, unknown>> }) => void): void {
  const file = path.join(knowledgeDir, 'faq.yaml');
  const doc = YAML.parse(readFileSync(file, 'utf8'));
  change(doc);
  writeFileSync(file, YAML.stringify(doc));
}
