import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { checkKnowledge } from '../../src/knowledge/check-knowledge';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { copyKnowledge, editFaq } from '../support/knowledge-copy';

describe('knowledge:check', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'check-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an answer that opens with "Yes." as an error naming the entry', () => {
    const knowledgeDir = copyKnowledge(dir);
    editFaq(knowledgeDir, (doc) => {
      doc.entries[0]!.answer = `Yes. ${String(doc.entries[0]!.answer)}`;
    });
    const findings = checkKnowledge(loadKnowledge(knowledgeDir));
    expect(findings).toContainEqual({
      level: 'error',
      where: 'faq.yaml → entries[0] (id: what-is-microneedling) → answer',
      message: expect.stringContaining('yes or no'),
    });
  });

  it('warns about an alternate that lands on another entry, and one that fires a red flag is an error', () => {
    const knowledgeDir = copyKnowledge(dir);
    editFaq(knowledgeDir, (doc) => {
      const alternates = doc.entries[0]!.alternates as string[];
      alternates.push('how long will i stay red', 'is pus normal after microneedling');
    });
    const findings = checkKnowledge(loadKnowledge(knowledgeDir));
    expect(findings.find((f) => f.message.includes('"how long will i stay red"'))).toMatchObject({
      level: 'warning',
      message: expect.stringContaining('lands on redness-how-long'),
    });
    expect(findings.find((f) => f.message.includes('"is pus normal after microneedling"'))).toMatchObject({ level: 'error' });
  });

  it('warns when two concept groups hold words with one stem, naming both groups', () => {
    const knowledgeDir = copyKnowledge(dir);
    const file = path.join(knowledgeDir, 'lexicon.yaml');
    const doc = YAML.parse(readFileSync(file, 'utf8'));
    doc.concepts.microneedling.push('needling');
    writeFileSync(file, YAML.stringify(doc));
    const findings = checkKnowledge(loadKnowledge(knowledgeDir));
    expect(findings).toContainEqual({
      level: 'warning',
      where: 'lexicon.yaml → concepts → microneedling',
      message: expect.stringMatching(/"needling" has the same stem .* in concepts → needle/),
    });
  });

  it('warns about labelled questions filed under a removed entry, which still loads', () => {
    const knowledgeDir = copyKnowledge(dir);
    editFaq(knowledgeDir, (doc) => {
      doc.entries = doc.entries.filter((e) => e.id !== 'sunscreen-two-weeks');
    });
    const findings = checkKnowledge(loadKnowledge(knowledgeDir));
    expect(findings).toContainEqual({
      level: 'warning',
      where: 'labelled-questions.yaml → answered → sunscreen-two-weeks',
      message: 'no FAQ entry has this id; its questions are ignored',
    });
  });

  it('finds no error in the shipped pack', () => {
    const findings = checkKnowledge(loadKnowledge(copyKnowledge(dir)));
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
  });
});
