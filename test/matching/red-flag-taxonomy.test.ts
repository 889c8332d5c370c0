import { realMatcher, replyTo } from './matcher-helpers';

/**
 * The red-flag rules as a clinical taxonomy of microneedling complications (knowledge/safety.yaml). Each concept
 * is phrased by a lay writer, an understated one, a third person, a clinician and a learner of English; the
 * phrasings are our own, written from the concept, not copied from any eval batch. Negatives are normal-course
 * questions and general risk or treatment questions that must NOT escalate.
 */
const TAXONOMY: Record<string, string[]> = {
  infection: [
    'the needle holes on my cheek have yellow stuff coming out',
    'probably nothing but one patch smells a bit off and feels warm',
    'my mum has a red line running up from the treated bit towards her ear',
    'Client presents day 3 with purulent exudate over the left malar area',
    'face have pus and is very hot, what i do',
    'a client of ours has tender swollen glands under her jaw since the session',
    'the little scabs are still open and weepy a week later',
  ],
  'fever-or-unwell': [
    'i feel shivery and hot all over since yesterday',
    'My husband has a temperature of 38.6 the day after his needling',
    'Pt pyrexial at 38.2 with facial erythema, day 2',
    'me have fever and body shaking after the pen treatment',
    'sorry to bother, i just feel really poorly and a bit faint today',
    'she nearly collapsed in the kitchen this morning',
  ],
  'allergy-anaphylaxis': [
    'my lips and eyes are swelling up and it itches like mad',
    'I came out in raised itchy welts all over my neck and face',
    'my daughter says her throat feels tight and she is wheezy',
    'Urticarial eruption with periorbital angioedema 20 minutes post-procedure',
    'my tongue feel big and i cannot swallow good',
    'probably overreacting but my breathing feels a bit funny and my face is blotchy',
  ],
  'numbing-or-product-reaction': [
    'where they put the numbing cream i have a burning rash',
    'I think I reacted to the serum they used, my cheeks are covered in bumps',
    'since I put on the aftercare balm my skin is on fire and blistering',
    'Suspected allergic contact dermatitis to the topical lidocaine, vesicular at application site',
    'the hyaluronic gel make my face red raw and itchy bumps',
    'a client of ours broke out in hives wherever the growth factor serum went',
  ],
  'cold-sore': [
    'tingling on my top lip and now a cluster of tiny blisters, 2 days after',
    'ugh cold sores popping up all round my mouth since the needling',
    'my sister has herpes sores spreading over her chin after her facial',
    'Known HSV-1, now grouped vesicles on the vermilion on day 3 post CIT',
    'i got the cold sore again after treatment, many small water bubble on lip',
    'my lip keeps tingling and there are sores coming',
  ],
  blisters: [
    'I have a couple of blisters on my forehead',
    'there are little fluid filled bumps on my cheek',
    'Bullae noted along the jawline 24 hours post-treatment',
    'my skin make water blister, is normal?',
    'my gran has blistered skin near her nose',
  ],
  pigment: [
    'I have got brown patches on my cheeks a month after microneedling',
    'dark spots have appeared where the pen went, 3 weeks on',
    'my skin has gone darker in patches since the treatment',
    'Post-inflammatory hyperpigmentation evident at 4 weeks, Fitzpatrick V',
    'her melasma has flared badly after the course',
    'white patches on my forehead that were not there before',
    'small area on my chin has lost its colour since the session',
    'my face have grey brown marks now, two week after treatment',
  ],
  'lumps-granuloma': [
    'firm little lumps under the skin of my cheeks, six weeks after',
    'I can feel hard bumps in lines where the needles went',
    'a client of ours developed nodules in a grid pattern a month later',
    'Granulomatous papules at treated sites 8 weeks after vitamin C application',
    'the bumps from my session are still there a month on and not going away',
    'my skin have small hard ball inside, not go away',
  ],
  scarring: [
    'I think the roller left me with tram track scars',
    'faint indented lines on my forehead in neat rows, 2 months later',
    'there is a raised thick scar on my chin now',
    'Linear track marks in a grid distribution consistent with tram-tracking',
    'my mum has pitted marks on her cheek since the pen',
    'is this going to be a scar? the mark on my nose looks shiny',
    'i am afraid it make keloid on my jaw',
    'the lines from the roller are still visible after a month',
  ],
  'nerve-numbness': [
    'my cheek is still numb 4 days after',
    'pins and needles in my chin for a week now',
    'she still has no feeling in part of her lip since the treatment last week',
    'Persistent paraesthesia of the mental nerve distribution at day 10',
    'my face is numb and tingly two days later, the cream should have worn off',
    'my forehead still no feeling, it is 3 days',
  ],
  'eye-or-vision': [
    'I got some of the serum in my eye and it is gritty and sore',
    'my vision went blurry after the treatment near my eyes',
    'my dad says he sees flashes of light since the session',
    'Possible corneal abrasion, patient reports photophobia after periorbital needling',
    'the pen touched my eye and now it hurts to open',
    'i cant see properly out of my left eye',
  ],
  'bleeding-past-normal-course': [
    "it's been a week and i'm still bleeding",
    'day 4 and a few spots keep bleeding whenever I wash',
    'fresh blood on my pillowcase every morning since the treatment',
    'Ongoing bleeding from puncture sites on day 3, patient on apixaban',
    'I have held a tissue on it for an hour and it is still bleeding',
    'my skin bleeding again after 3 days, why',
  ],
  'bruising-petechiae': [
    'bruises are spreading down my neck',
    'tiny red dots spreading onto my chest after the facial',
    'Petechiae extending beyond the treatment margins in an anticoagulated client',
    'my mum bruising is getting bigger and darker each day',
    'big purple bruise under my eye that is getting worse',
  ],
  'redness-past-course': [
    'its been over a week and my face is still bright red',
    'still red two weeks after my session',
    'day 8 and the redness has not faded at all',
    'Erythema persisting at 10 days post-procedure',
    'my face is still very red, it is 9 days now',
    'my daughter is still red and blotchy a fortnight later',
  ],
  'spreading-or-worsening': [
    'the redness has spread past where they treated, down onto my neck',
    'my face is getting redder every day',
    'Erythema is extending beyond the treated area',
    'the red area getting bigger and bigger',
    'it is worse today than yesterday, more red and puffy',
  ],
  swelling: [
    'my eyes are swollen shut this morning',
    'my face keeps swelling up more and more',
    'Periorbital oedema worsening on day 2',
    'my husband can barely open his eyes because of the puffiness',
    'still very swollen a week later',
    'my face very big swelling, eye cannot open',
  ],
  pain: [
    'the pain is unbearable and getting worse',
    'probably nothing but the soreness is worse today than yesterday',
    'Escalating pain disproportionate to the procedure at 48 hours',
    'painkillers are not helping at all, it throbs',
    'my face hurt too much, i cannot sleep',
  ],
};

const NEGATIVES = [
  // Normal course
  'will i bleed?',
  'is it normal to be pink on day 2',
  'how long will I be red',
  'i bled during my appointment',
  'i bled during my appointment 3 days ago, was that normal',
  'still pink 2 days later, is that ok',
  'my skin is a bit tight and flaky on day 3',
  'will i still be red in two weeks for my wedding',
  'my wedding is in 2 weeks, how long does the redness last',
  'how long does the numbing cream take to wear off',
  'do they use numbing cream',
  'does the serum sting when they put it on',
  'is swelling normal after microneedling',
  'my face is itchy after microneedling',
  'peeling on day 4, is that normal',
  // General risk or treatment questions, not reports
  'can microneedling cause scarring?',
  'how do i prevent infection',
  'will microneedling help my acne scars',
  'can microneedling fix hyperpigmentation',
  'will microneedling help my melasma',
  'does microneedling work on dark spots',
  'can i get microneedling with a cold sore',
  'is microneedling safe for dark skin',
  'i have acne scars, will microneedling help',
  'how many weeks apart should sessions be',
  'can i use vitamin c serum after microneedling',
  "can't see any difference after two sessions, how many do i need",
  'I had my first session a fortnight ago and I cant see any change yet',
  'what are the risks of pigmentation after microneedling',
  'the dermatologist said my melasma might get worse with microneedling, is that true',
  'had some blood spots on the pillow the first night, is that ok',
  'i bled a little yesterday during the session, today it is fine',
  'is it normal to have small bumps a few days after',
  'will the pinkness be gone in a week',
  'does numbness after microneedling last long',
  'can microneedling leave scars if done wrong',
];

describe('red-flag taxonomy', () => {
  const cases = Object.entries(TAXONOMY).flatMap(([concept, phrasings]) => phrasings.map((q) => [concept, q] as const));

  it.each(cases)('%s: escalates %j', (_concept, question) => {
    const result = realMatcher().matcher.match(question);
    expect(result.kind).toBe('escalation');
  });

  it.each(NEGATIVES)('does not escalate %j', (question) => {
    expect(replyTo(question).kind).not.toBe('escalation');
  });

  it('has at least five phrasings per concept', () => {
    for (const phrasings of Object.values(TAXONOMY)) expect(phrasings.length).toBeGreaterThanOrEqual(5);
  });

  it('names no single country emergency number', () => {
    const reply = replyTo('my throat is closing up');
    expect(reply.kind).toBe('escalation');
    expect(reply.text).toMatch(/local emergency number/);
    expect(reply.text).not.toMatch(/\b(911|999|112|000)\b/);
  });
});
