import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load-knowledge';
import { copyKnowledge } from '../support/knowledge-copy';

const REAL = path.join(__dirname, '..', '..', 'knowledge');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'knowledge-'));
  cpSync(REAL, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function edit(file: string, change: (text: string) => string): void {
  const p = path.join(dir, file);
  writeFileSync(p, change(readFileSync(p, 'utf8')));
}

function loadError(): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error('expected a KnowledgeError');
}

describe('a broken knowledge pack', () => {
  it('loads when nothing is broken (the copy is sound)', () => {
    expect(loadKnowledge(dir).entries.length).toBeGreaterThan(0);
  });

  it('names the file, the entry and the field of a missing answer', () => {
    edit('faq.yaml', (t) => t.replace(/( {2}- id: pain-and-numbing\n[\s\S]*?)\n {4}answer: >-\n(?: {6}.*\n)+/, '$1\n'));
    const error = loadError();
    expect(error.message).toContain('faq.yaml');
    expect(error.message).toContain('id: pain-and-numbing');
    expect(error.message).toContain('answer');
  });

  it('names the entry that has too few alternates', () => {
    edit('faq.yaml', (t) =>
      t.replace(/( {2}- id: procedure-length\n {4}question: .*\n {4}alternates:\n)(?: {6}- .*\n)+/, '$1      - only one\n'),
    );
    const error = loadError();
    expect(error.message).toMatch(/faq\.yaml[\s\S]*id: procedure-length[\s\S]*alternates/);
  });

  it('rejects a source the article does not credit', () => {
    edit('faq.yaml', (t) => t.replace('sources: [WebMD]', 'sources: [Wikipedia]'));
    const error = loadError();
    expect(error.message).toContain('faq.yaml');
    expect(error.message).toMatch(/id: why-get-microneedling\) → sources/);
  });

  it('rejects a duplicate id', () => {
    edit('faq.yaml', (t) => t.replace('- id: procedure-length', '- id: pain-and-numbing'));
    const error = loadError();
    expect(error.message).toContain('faq.yaml');
    expect(error.message).toContain('id: pain-and-numbing');
    expect(error.message).toContain('used more than once');
  });

  it('rejects invalid YAML and says where', () => {
    edit('out-of-scope.yaml', (t) => t.replace('topics:', 'topics: [unclosed'));
    const error = loadError();
    expect(error.file).toContain('out-of-scope.yaml');
    expect(error.message).toContain('not valid YAML');
  });

  it('names the rule and pattern of a bad regular expression', () => {
    edit('safety.yaml', (t) => t.replace("'\\bblister(s|ed|ing|y)?\\b'", "'\\bblister(s|ed'"));
    const error = loadError();
    expect(error.message).toContain('safety.yaml');
    expect(error.message).toMatch(/id: blisters\) → patterns\[0\]/);
  });

  it('names a check-in with a bad field', () => {
    edit('checkins.yaml', (t) => t.replace('sendWithinHours: 8', 'sendWithinHours: -1'));
    const error = loadError();
    expect(error.message).toMatch(/checkins\.yaml[\s\S]*id: day-1-redness[\s\S]*sendWithinHours/);
  });
});

describe('content a clinic declares in the pack', () => {
  it('accepts a source once the clinic lists it in sources.yaml', () => {
    const knowledgeDir = copyKnowledge(dir);
    const faq = path.join(knowledgeDir, 'faq.yaml');
    writeFileSync(faq, readFileSync(faq, 'utf8').replace('sources: [WebMD]', 'sources: [Our Clinic Handbook]'));
    expect(() => loadKnowledge(knowledgeDir)).toThrow(/"Our Clinic Handbook" is not listed in sources.yaml/);
    const sources = path.join(knowledgeDir, 'sources.yaml');
    writeFileSync(sources, `${readFileSync(sources, 'utf8')}  - Our Clinic Handbook\n`);
    expect(loadKnowledge(knowledgeDir).entries.find((e) => e.id === 'why-get-microneedling')?.sources).toEqual(['Our Clinic Handbook']);
  });

  it('accepts a check-in topic the plan declares, and names one it does not', () => {
    const knowledgeDir = copyKnowledge(dir);
    const file = path.join(knowledgeDir, 'checkins.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('topic: peeling', 'topic: hydration'));
    expect(() => loadKnowledge(knowledgeDir)).toThrow(/checkins\[\d+\] \(id: [a-z0-9-]+\) → topic: "hydration" is not one of topics/);
    writeFileSync(file, text.replace('topic: peeling', 'topic: hydration').replace('topics: [redness, peeling,', 'topics: [redness, peeling, hydration,'));
    expect(loadKnowledge(knowledgeDir).checkinTopics).toContain('hydration');
  });

  it('names the field of an empty labelled question', () => {
    writeFileSync(path.join(dir, 'labelled-questions.yaml'), 'declined:\n  - "  "\n');
    expect(loadError().message).toMatch(/declined\[0\]: must not be empty/);
  });

  it('names a disclaimer concept the lexicon does not define', () => {
    edit('lexicon.yaml', (t) => t.replace('  concepts: [microneedling]\n', '  concepts: [microneedlin]\n'));
    const message = loadError().message;
    expect(message).toContain('lexicon.yaml');
    expect(message).toMatch(/disclaimers\.concepts\[0\]|disclaimers → concepts\[0\]|disclaimers.*concepts.*0/);
    expect(message).toContain('"microneedlin" is not one of the concepts above');
  });
});
