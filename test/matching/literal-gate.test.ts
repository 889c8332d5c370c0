import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEvalFile } from '../../src/eval/eval-case';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { foldText, sentencesOf } from '../../src/matching/fold-text';
import { compileLexicon } from '../../src/matching/lexicon';
import { passesGate, requiredLiterals } from '../../src/matching/literal-gate';
import { KNOWLEDGE_DIR } from './matcher-helpers';

const EVAL_DIR = path.join(__dirname, '..', 'eval');

describe('literals a regular expression needs', () => {
  it('reads them off sequences, groups and top-level alternations', () => {
    expect(requiredLiterals('\\b(numb|tingl(e|y)) (for|since) weeks')).toEqual([['numb', 'tingl'], ['for', 'since'], [' weeks']]);
    expect(requiredLiterals('\\bhow long\\b|\\bhow much time\\b')).toEqual([['how long', 'how much time']]);
    // From each alternative the set least likely to occur by chance.
    expect(requiredLiterals('\\b(a|an) fever\\b|\\bchills\\b')).toEqual([[' fever', 'chills']]);
  });

  it('requires nothing when an alternative can match without a literal', () => {
    expect(requiredLiterals('\\bfever\\b|\\d+ degrees|x')).toEqual([]);
    expect(requiredLiterals('fever|')).toEqual([]);
    expect(requiredLiterals('(fever)?chills?')).toEqual([['chill']]);
  });

  it('never closes the gate on a text one of the pack\'s patterns matches (eval questions and pack texts)', () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const lex = compileLexicon(knowledge.lexicon);
    const patterns = [
      ...knowledge.lexicon.rewrites.map((r) => r.pattern),
      ...knowledge.lexicon.intents.map((i) => i.pattern),
      ...knowledge.redFlags.flatMap((r) => r.patterns),
      ...Object.values(knowledge.signs).flat(),
      ...Object.values(knowledge.modifiers).flat(),
    ];
    const files = [path.join(EVAL_DIR, 'dev-questions.jsonl'), ...readdirSync(path.join(EVAL_DIR, 'blind')).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(EVAL_DIR, 'blind', f))];
    const questions = [
      ...files.flatMap((f) => parseEvalFile(readFileSync(f, 'utf8'), f).map((c) => c.q)),
      ...knowledge.entries.flatMap((e) => [e.question, ...e.alternates, e.answer]),
      ...knowledge.redFlags.map((r) => r.description),
    ];
    // The texts patterns run on: folded sentences, before and after the lexicon's rewrites.
    const texts = questions.flatMap((q) => sentencesOf(foldText(q)).flatMap((s) => [s.text, lex.expand(s.text)]));
    const missed: string[] = [];
    let matched = 0;
    for (const pattern of patterns) {
      const regex = new RegExp(pattern, 'i');
      const gate = requiredLiterals(pattern);
      for (const text of texts) {
        if (!regex.test(text)) continue;
        matched++;
        if (!passesGate(gate, text)) missed.push(`${pattern} on ${JSON.stringify(text)}`);
      }
    }
    expect(missed).toEqual([]);
    expect(matched).toBeGreaterThan(1000);
  });
});
