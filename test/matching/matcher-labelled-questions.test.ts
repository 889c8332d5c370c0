import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { createMatcher } from '../../src/matching/create-matcher';
import { copyKnowledge } from '../support/knowledge-copy';
import { KNOWLEDGE_DIR } from '../support/test-core';

// labelled-questions.yaml teaches the phrasing classifier, which corrects the rules only where it is very sure.
let dir: string;
let knowledgeDir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'labelled-'));
  knowledgeDir = copyKnowledge(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const writeLabelled = (doc: unknown) => writeFileSync(path.join(knowledgeDir, 'labelled-questions.yaml'), YAML.stringify(doc));

// Wording the rules cannot place: "mozzle" and "gleep" are words no list knows.
const ASKED = 'do mozzle gleeps work';
const TAUGHT = [
  'how many mozzle gleeps do people need',
  'is one mozzle gleep enough',
  'mozzle gleeps, how many til i see a change',
  'how many mozzle gleeps for acne scars',
  'do i need lots of mozzle gleeps',
  'my friend needed several mozzle gleeps, will i',
  'how many mozzle gleeps is normal',
  'how many mozzle gleeps does it take',
  'when do mozzle gleeps start to show',
  'number of mozzle gleeps for results',
];

const shipped = (): { answered: Record<string, string[]>; declined: string[]; warnings: string[] } =>
  YAML.parse(readFileSync(path.join(KNOWLEDGE_DIR, 'labelled-questions.yaml'), 'utf8'));

describe('labelled questions', () => {
  it('teach the matcher a wording its rules decline', () => {
    const labelled = shipped();
    writeLabelled(labelled);
    expect(createMatcher(loadKnowledge(knowledgeDir)).match(ASKED).kind).toBe('decline');

    labelled.answered['number-of-treatments']!.push(...TAUGHT);
    writeLabelled(labelled);
    const matcher = createMatcher(loadKnowledge(knowledgeDir));
    expect(matcher.match(ASKED)).toMatchObject({ kind: 'answer', entry: { id: 'number-of-treatments' } });
    expect(matcher.explain(ASKED).classifier).toMatchObject({ label: 'number-of-treatments', changed: 'answered' });
  });

  it('escalate a warning sign worded like the labelled ones, which the rules miss', () => {
    // Found in a blind batch: spreading redness told without any of the rules' words for spreading.
    const sign = 'No temperature, I checked twice, but the redness seems to be creeping further across my cheek each day rather than fading off.';
    const labelled = shipped();
    writeLabelled({ ...labelled, warnings: [] });
    expect(createMatcher(loadKnowledge(knowledgeDir)).match(sign).kind).not.toBe('escalation');

    writeLabelled(labelled);
    const result = createMatcher(loadKnowledge(knowledgeDir)).match(sign);
    expect(result.kind === 'escalation' && result.rule.id).toBe('worded-like-labelled-warning-signs');
  });

  it("never override an entry's own alternate, nor a decline for another procedure", () => {
    // Labelled "declined", and "answered" by another entry: the classifier defers to both rules.
    const labelled = shipped();
    const knowledge = loadKnowledge(knowledgeDir);
    const alternate = knowledge.entries.find((e) => e.id === 'bleeding-normal')!.alternates[0]!;
    const lipFiller = 'what are the side effects of lip filler';
    writeLabelled({ ...labelled, declined: [...labelled.declined, ...Array(50).fill(alternate)], answered: { ...labelled.answered, 'side-effects-overview': [...labelled.answered['side-effects-overview']!, ...Array(50).fill(lipFiller)] } });
    const matcher = createMatcher(loadKnowledge(knowledgeDir));
    expect(matcher.match(alternate)).toMatchObject({ kind: 'answer', entry: { id: 'bleeding-normal' } });
    expect(matcher.explain(lipFiller).classifier).toMatchObject({ label: 'side-effects-overview', changed: '' });
    expect(matcher.match(lipFiller).kind).toBe('decline');
  });

  it('decline more readily an answer that leaves a subject word of the question unexplained', () => {
    writeLabelled(shipped());
    const matcher = createMatcher(loadKnowledge(knowledgeDir));
    // The redness entry explains "redness", not the fake tan the question is about.
    const tan = matcher.explain('can i fake tan over the redness for a party on friday?');
    expect(tan.classifier).toMatchObject({ label: '(declined)', changed: 'declined' });
    expect(tan.classifier!.unexplained).toEqual(expect.arrayContaining(['tan']));
    expect(tan.result.kind).toBe('decline');
    // A question the answer explains word for word keeps its answer, however the classifier leans.
    const basic = matcher.explain('how does microneedling actually work?');
    expect(basic.classifier).toMatchObject({ label: '(declined)', changed: '', unexplained: [] });
    expect(basic.result).toMatchObject({ kind: 'answer', entry: { id: 'what-is-microneedling' } });
  });

  it('decline a weak answer of the rules that they are fairly sure is not covered, and leave a firm one', () => {
    writeLabelled(shipped());
    const matcher = createMatcher(loadKnowledge(knowledgeDir));
    // Labelled "declined" (from a blind batch): the rules answer it, with little confidence, about the redness.
    const trace = matcher.explain('can i fake tan over the redness for a party on friday?');
    expect(trace.classifier).toMatchObject({ label: '(declined)', changed: 'declined' });
    expect(trace.result.kind).toBe('decline');
    expect(matcher.match('how long does peeling last')).toMatchObject({ kind: 'answer', entry: { id: 'peeling-and-shedding' } });
  });
});
