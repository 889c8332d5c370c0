import { compileLexicon } from '../../src/matching/lexicon';
import { disclaimsTreatment } from '../../src/matching/disclaimed-treatment';
import { realMatcher, replyTo } from './matcher-helpers';

// Messages that say the treatment is not involved (blind 129, after its first-contact score).
const disclaims = (() => {
  const { knowledge } = realMatcher();
  return disclaimsTreatment(knowledge.lexicon.disclaimers, compileLexicon(knowledge.lexicon));
})();

describe('disclaimsTreatment', () => {
  it.each([
    [['peeling round my nose from the retinol', 'not from any treatment']],
    [['sunburnt on the boat no microneedling or anything', 'how long will the red last']],
    [['nothing to do with a procedure', 'my kid has a graze']],
  ])('reads %j as saying the treatment is not involved', (sentences) => {
    expect(disclaims(sentences)).toBe(true);
  });

  it.each([
    [['no treatment yet', 'how long will i be red after']],
    [['had microneedling on monday', 'no treatment since', 'still pink']],
    [['no pain during microneedling', 'is that normal']],
    [['no sitting in the sun', 'for how long']],
  ])('does not read %j as a denial', (sentences) => {
    expect(disclaims(sentences)).toBe(false);
  });
});

describe('matcher: the treatment said not to be involved', () => {
  it.each([
    'my forehead is peeling from a new retinol, not from any treatment. how long does peeling last?',
    'fell asleep in the garden, no microneedling or anything, just sun. how long will the redness last?',
  ])('declines %j', (question) => {
    expect(replyTo(question).kind).toBe('fallback');
  });

  it.each([
    ['havent had any treatment yet, how long will the redness last after?', 'redness-how-long'],
    ['had microneedling on friday, no treatment before that, how long will the redness last?', 'redness-how-long'],
  ])('still answers %j', (question, id) => {
    const reply = replyTo(question);
    expect(reply.kind === 'answer' ? reply.faqId : reply.kind).toBe(id);
  });

  it('still escalates a warning sign told beside a denial', () => {
    expect(replyTo('no microneedling involved but my cheek is swollen, hot and oozing pus').kind).toBe('escalation');
  });
});
