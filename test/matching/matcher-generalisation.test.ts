import { realMatcher, replyTo } from './matcher-helpers';

// General mechanisms that keep the matcher from answering on one shared word, or declining on one
// foreign word, found by scoring fresh question batches the matcher had never seen.

const idOf = (question: string): string | null => {
  const reply = replyTo(question);
  return reply.kind === 'answer' ? reply.faqId : reply.kind;
};

describe('matcher: comparisons with other things', () => {
  it.each([
    ['does it hurt more than a tattoo', 'pain-and-numbing'],
    ['is microneedling more painful than getting my eyebrows waxed', 'pain-and-numbing'],
    ['does it sting like waxing', 'pain-and-numbing'],
    ['is the redness worse than after a chemical peel', 'redness-how-long'],
  ])('answers %j about microneedling, the other thing only being the yardstick', (question, id) => {
    expect(idOf(question)).toBe(id);
  });

  it.each(['is microneedling better than botox for my forehead lines', 'is it a better choice than a facelift at my age'])(
    'declines %j: a choice between treatments asks about the other one too',
    (question) => {
      expect(replyTo(question).kind).not.toBe('answer');
    },
  );

  it('keeps the compared term out of the clause it is in', () => {
    const trace = realMatcher().matcher.explain('does it hurt more than a tattoo');
    expect(trace.clauses).toHaveLength(1);
    expect(trace.clauses[0]!.hits).toEqual([]);
    expect(trace.clauses[0]!.concepts).not.toContain('tattoo');
  });

  it.each([
    'does botox hurt more than microneedling',
    'is microneedling better than laser',
    'how is microneedling different from a chemical peel',
  ])('still declines %j, where the other procedure is the subject or the whole point', (question) => {
    expect(replyTo(question).kind).toBe('fallback');
  });

  it('keeps a comparison that names nothing foreign', () => {
    expect(idOf('i take more than one blood thinner')).toBe('blood-thinners-bleeding-disorders');
  });
});

describe('matcher: describing the skin is not naming another cause', () => {
  it('answers "looks like a sunburn" but declines an actual sunburn', () => {
    expect(idOf('why do i look like i have a sunburn')).toBe('redness-how-long');
    expect(replyTo('i have a sunburn can i still get microneedling').kind).toBe('fallback');
  });

  it.each([
    'my face is dry because of the heating in my apartment',
    'why does my skin get red and blotchy when im nervous',
    'my face is red from crying all night',
  ])('declines %j: our symptom, another cause', (question) => {
    const result = realMatcher().matcher.match(question);
    expect(result).toMatchObject({ kind: 'decline', reason: 'out-of-scope' });
  });

  it.each([
    ['my skin is peeling from the treatment', 'peeling-and-shedding'],
    ['i bled from the needles', 'bleeding-normal'],
  ])('answers %j, whose cause is the treatment itself', (question, id) => {
    expect(idOf(question)).toBe(id);
  });
});

describe('matcher: one shared word is not enough', () => {
  it.each([
    'who is the best dermatologist in town',
    'can i see my doctor after',
    'can i go to work the day after',
    'can i go back to work tomorrow',
    'do i need to stop my blood pressure pills',
  ])('declines %j, which shares only a word that is not what any entry is about', (question) => {
    expect(replyTo(question).kind).toBe('fallback');
  });

  it('still answers when that word comes with what the entry is about', () => {
    expect(idOf('should i tell my dermatologist about my blood thinners')).toBe('blood-thinners-bleeding-disorders');
    expect(idOf('how long until it starts to work')).toBe('number-of-treatments');
    expect(idOf('can i fit it in before work')).toBe('procedure-length');
  });

  it('shows why in its trace: the clause, its verdict and the ranked candidates', () => {
    const trace = realMatcher().matcher.explain('my blood doesnt clot, is that a problem');
    expect(trace.result.kind).toBe('answer');
    expect(trace.decisions.map((d) => d.verdict)).toContain('entry blood-thinners-bleeding-disorders');
    expect(trace.ranked[0]).toMatchObject({ id: 'blood-thinners-bleeding-disorders', kind: 'entry' });
    const declined = realMatcher().matcher.explain('who is the best dermatologist in town');
    expect(declined.result.kind).toBe('decline');
    expect(declined.decisions.every((d) => !d.verdict.startsWith('entry'))).toBe(true);
  });
});

describe('matcher: question shapes that carry the topic', () => {
  it.each([
    ['will it take all afternoon', 'procedure-length'],
    ['can i do microneedling on my lunch break', 'procedure-length'],
    ['will it take long? i have a meeting after', 'procedure-length'],
    ['does microneedling feel bad', 'pain-and-numbing'],
    ['what are the downsides of microneedling', 'side-effects-overview'],
    ['anything i should expect after my first session?', 'side-effects-overview'],
    ['ive had 2 sessions and see nothing, is that normal', 'number-of-treatments'],
    ['my face feels like leather after microneedling', 'skin-tight-dry-rough'],
  ])('%j -> %s', (question, id) => {
    expect(idOf(question)).toBe(id);
  });

  it('tolerates everyday context words around a clear topic', () => {
    expect(idOf('will i be red at my sisters wedding on saturday')).toBe('redness-how-long');
  });
});

describe('matcher: words mixed in from another language', () => {
  it.each([
    ['mi cara está muy hinchada y caliente después del microneedling y tengo fiebre', 'escalation'],
    ['minha pele está sangrando ainda, três dias depois do microagulhamento', 'escalation'],
    ['skin very seca after microneedling, can i put óleo de coco?', 'coconut-oil-for-dryness'],
    ['after the micro kneeling i need protector solar every day?', 'sunscreen-two-weeks'],
  ])('reads %j as it would in English', (question, expected) => {
    expect(idOf(question)).toBe(expected);
  });

  it('reads past a phrase in another language that the lexicon does not know', () => {
    expect(idOf('sobrang init dito sa Cebu ngayon, do I need sunscreen after microneedling even indoors?')).toBe('sunscreen-two-weeks');
  });

  it('declines a question in another language the pack does not cover', () => {
    expect(replyTo('¿cuánto cuesta una sesión de microagujas?').kind).toBe('fallback');
  });
});

describe('matcher: the reason someone booked is backstory, not the question', () => {
  it.each([
    ["I booked it for my acne scars and I'm so excited. How long does the redness last?", 'redness-how-long'],
    ['My daughter had microneedling for acne scars. She is on day 5 and there is fine peeling. Is peeling expected?', 'peeling-and-shedding'],
  ])('answers %j', (question, id) => {
    expect(idOf(question)).toBe(id);
  });

  it('still declines when the backstory names another procedure: the question is about that', () => {
    expect(replyTo('I had a chemical peel on Monday. How long does the redness last?').kind).toBe('fallback');
  });
});

describe('matcher: a question that names no subject continues the sentence before it', () => {
  it.each([
    ['day 1 after microneedling and my face is tomato red. how long til its not?', 'redness-how-long'],
    ['my skin is flaking off in bits after microneedling. how long does it go on?', 'peeling-and-shedding'],
  ])('answers %j about what the sentence before names, not the bare question shape', (question, id) => {
    expect(idOf(question)).toBe(id);
  });

  it('declines when the sentence before names what the pack does not cover', () => {
    const reply = replyTo('I need to reschedule my microneedling appointment to next week. How do I go about doing that through the portal?');
    expect(reply.kind).not.toBe('answer');
  });

  it('shows the joined clause in its trace', () => {
    const trace = realMatcher().matcher.explain('day 1 after microneedling and my face is tomato red. how long til its not?');
    expect(trace.decisions[0]!.clause).toContain('tomato red');
    expect(trace.decisions[0]!.clause).toContain('how long');
  });
});

describe('matcher: a short follow-up question', () => {
  it.each([
    'is a collagen supplement a good idea alongside microneedling? worth it?',
    'is vitamin c ok to use after microneedling or will it sting',
  ])('that points back (%j) is about the question before it', (question) => {
    expect(replyTo(question).kind).not.toBe('answer');
  });

  it('that names a new subject ("and the peeling?") is a question of its own, answered too', () => {
    const reply = replyTo('how long does the redness last after microneedling? and the peeling?');
    expect(reply.kind).toBe('answer');
    const trace = realMatcher().matcher.explain('how long does the redness last after microneedling? and the peeling?');
    expect(trace.decisions.map((d) => d.verdict)).toEqual(['entry redness-how-long', 'entry peeling-and-shedding']);
  });
});

describe('matcher: one message, one covered question and one the pack does not cover', () => {
  it('declines when the covered-looking part is only a weak match: the message is about the other thing', () => {
    const reply = replyTo('How do I find a good microneedling practitioner? What qualifications should I look for?');
    expect(reply.kind).not.toBe('answer');
  });

  it('still answers a clear covered question beside an uncovered one', () => {
    const reply = replyTo('how many sessions till i see results, and how far apart should they be?');
    expect(reply.kind === 'answer' && reply.faqId).toBe('number-of-treatments');
  });
});

describe('matcher: other names of the treatment', () => {
  it.each([
    ['is peeling after dermarolling at the clinic normal?', 'peeling-and-shedding'],
    ['anything i need to know about the sun after this facial needle thing?', 'sunscreen-two-weeks'],
    // A facial described by its needles is the treatment, whatever else is named beside it.
    ['does a facial with tiny needles help wrinkles or should i save up for botox', 'why-get-microneedling'],
    ['is a facial using little needles sore', 'pain-and-numbing'],
  ])('answers %j: a derma roller and a needle facial are the treatment', (question, id) => {
    expect(idOf(question)).toBe(id);
  });

  it.each(['can i use a dermaroller at home', 'which derma roller should i buy', 'how long is a facial with steam and extractions'])('still declines %j: doing it at home, or another facial, is not covered', (question) => {
    expect(replyTo(question).kind).toBe('fallback');
  });
});

describe('matcher: a question told rather than asked', () => {
  it('reads "asking if" as the question, even with no question mark', () => {
    const question = 'my client after microneedling is asking if she really needs sunscreen in january when it is overcast. how long is the recommended period';
    expect(idOf(question)).toBe('sunscreen-two-weeks');
    expect(realMatcher().matcher.explain(question).clauses[0]!.asked).toBe(true);
  });
});

describe('matcher: a greeting before the question', () => {
  it('reads "good evening, how many sessions..." as asking', () => {
    const question = 'Good evening, how many sessions of microneedling does a person usually need, and how far apart should they be? Thank you, Lillian';
    expect(realMatcher().matcher.explain(question).clauses[0]!.asked).toBe(true);
    expect(idOf(question)).toBe('number-of-treatments');
  });

  it('reads "hi neighbours, is..." as asking (one word after the greeting says who is greeted)', () => {
    expect(realMatcher().matcher.explain('hi neighbours is the redness normal after microneedling').clauses[0]!.asked).toBe(true);
  });
});

describe('matcher: everyday words for the normal course and for uncovered topics', () => {
  it.each([
    ['my face looks like i fell asleep at the pool, is that normal the day after needling?', 'redness-how-long'],
    ['is the skin pricking treatment a long drawn-out procedure?', 'procedure-length'],
  ])('answers %j', (question, id) => {
    expect(idOf(question)).toBe(id);
  });

  it.each([
    'would medicare pay for microneedling or is it out of pocket?',
    'does metformin interact with microneedling?',
    'can microneedling be done on the backs of my hands?',
  ])('declines %j', (question) => {
    expect(replyTo(question).kind).toBe('fallback');
  });

  it.each([
    'woke up looking like i passed out at the beach, how long does this last',
    'why did the deeper pass bleed so much more than the one we did last month?',
  ])('does not escalate %j', (question) => {
    expect(replyTo(question).kind).not.toBe('escalation');
  });
});

describe('matcher: a message about another procedure that never names the treatment', () => {
  it.each([
    "I'm on warfarin and having a colonoscopy next month. Do I need to stop my blood thinner beforehand?",
    'what are the side effects of lip filler',
  ])('declines %j: it is that procedure\'s question', (question) => {
    expect(replyTo(question).kind).toBe('fallback');
  });

  it.each([
    ["I'm on warfarin and having microneedling next month. Do I need to tell anyone beforehand?", 'blood-thinners-bleeding-disorders'],
    ['do they numb you first or do you just grit your teeth?', 'pain-and-numbing'],
  ])('still answers %j', (question, id) => {
    expect(idOf(question)).toBe(id);
  });
});

describe('matcher: words and word order from Spanish and Portuguese', () => {
  it.each([
    ['cuantas sesiones necesito?', 'number-of-treatments'],
    ['porque my skin is so dry after the treatment?', 'skin-tight-dry-rough'],
    ['tengo miedo de las agujas, it hurts a lot the microneedling?', 'pain-and-numbing'],
    ['what should i not put on my face after microneedling?', 'avoid-exfoliating-products'],
  ])('answers %j', (question, id) => {
    expect(idOf(question)).toBe(id);
  });
});

describe('matcher: what a message denies is not what it asks about', () => {
  it.each([
    ['day after and my cheeks are properly flushed, hot pink\nbit scary but it doesnt hurt. that the usual?', 'redness-how-long'],
    ['bits of skin coming off my face. no pain, just gross. expected?', 'peeling-and-shedding'],
  ])('answers %j about what it affirms', (question, id) => {
    expect(idOf(question)).toBe(id);
  });
});

describe('matcher: words from many first languages', () => {
  it.each([
    ['wajah saya merah setelah microneedling, berapa lama?', 'redness-how-long'],
    ['yüzüm çok kırmızı after microneedling, normal mi?', 'redness-how-long'],
  ])('answers %j', (question, id) => {
    expect(idOf(question)).toBe(id);
  });

  it('answers a dryness question in Hindi words with one of the two dryness entries', () => {
    expect(['skin-tight-dry-rough', 'coconut-oil-for-dryness']).toContain(idOf('mera chehra bahut sookha hai after the treatment, why?'));
  });
});

describe('matcher: a question that names the treatment and asks what it is stands on its own', () => {
  it('answers "what actually is microneedling?" after a sentence about something else', () => {
    expect(idOf('ok dumb question from a guy who owns one bar of soap. what actually is microneedling? my barber keeps upselling it')).toBe('what-is-microneedling');
  });
});

describe('matcher: everyday context words are not a topic of their own', () => {
  it('answers a dryness question from someone who drinks litres of water (not alcohol) with a dryness entry', () => {
    expect(['skin-tight-dry-rough', 'coconut-oil-for-dryness']).toContain(idOf("why's my face so dry after the needling, i drink 3 litres of water a day"));
  });

  it.each([
    ['wat even is microneedling, my sis booked me one for my bday', 'what-is-microneedling'],
    ['how many goes do you need before you notice anything', 'number-of-treatments'],
    ['day 2 after and my face is still kinda pink. am i cooked', 'redness-how-long'],
    ['my mate reckons it gets the blood pumping to your face. is that what it does or is he winding me up', 'what-is-microneedling'],
  ])('answers %j', (question, id) => {
    expect(idOf(question)).toBe(id);
  });
});

describe('matcher: a reason is not another cause', () => {
  it('answers "anything to do ahead of time because of the medication?" from someone on a blood thinner', () => {
    expect(idOf('I take Eliquis. I would like to book microneedling in April. Is there anything I need to do ahead of time because of the medication?')).toBe(
      'blood-thinners-bleeding-disorders',
    );
  });
});

describe('matcher: kinds of acne scar and peeling in everyday words', () => {
  it('reads "ice picks" as acne scars, not ice', () => {
    const trace = realMatcher().matcher.explain('how many sessions before my ice picks look better?');
    expect(trace.clauses[0]!.hits.map((h) => h.topic.id)).not.toContain('cold-and-ice');
  });

  it('reads "bits of skin coming off" as peeling', () => {
    expect(realMatcher().matcher.explain('bits of skin coming off my chin, normal?').clauses[0]!.concepts).toContain(
      realMatcher().matcher.explain('my chin is peeling, normal?').clauses[0]!.concepts.find((c) => c.startsWith('peel')),
    );
  });

  it('answers two questions of one message each on its own terms', () => {
    expect(idOf('Will they put numbing cream on first or do I need to bring my own? appt is tomorrow')).toBe('pain-and-numbing');
  });

  it.each([
    ['Question for the group: how long does the redness last, and do I need sunscreen afterwards?', ['redness-how-long', 'sunscreen-two-weeks']],
    ['two things: how long does a session take and how many sessions will i need', ['number-of-treatments', 'procedure-length']],
  ])('answers both questions after a lead-in ending in a colon: %j', (question, ids) => {
    const result = realMatcher().matcher.match(question);
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect([result.entry, ...(result.also ?? [])].map((e) => e.id).sort()).toEqual(ids);
  });

  it('answers a second question that would only repeat the first one\'s entry with the sentence before them (blind 131 and 138, after their score)', () => {
    const result = realMatcher().matcher.match('a friend told me microneedling is all about circulation? i assumed it was collagen. which one is right');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect([result.entry, ...(result.also ?? [])].map((e) => e.id).sort()).toEqual(['what-is-microneedling', 'why-get-microneedling']);
  });

  it('does not count a lead-in as a question of its own', () => {
    const trace = realMatcher().matcher.explain('quick question for the nurses: does microneedling hurt?');
    expect(trace.clauses.filter((c) => c.asked).map((c) => c.text)).toEqual(['does microneedling hurt']);
  });
});

describe('matcher: the season is not another cause', () => {
  it('answers "do i need sunscreen, its winter here" about sunscreen', () => {
    expect(idOf('do i really need sunscreen after microneedling, its winter here and cloudy')).toBe('sunscreen-two-weeks');
  });
});

describe('matcher: a doctor\'s surgery is a place, an operation is another procedure', () => {
  it('answers a question from someone who works at a GP or doctors surgery', () => {
    expect(idOf('i work on reception at a doctors surgery, how long will the redness last')).toBe('redness-how-long');
  });

  it('still declines a question about an operation', () => {
    expect(replyTo('how long after jaw surgery can i get microneedling').kind).toBe('fallback');
  });
});

describe('matcher: booking words in passing', () => {
  it.each([
    ['i have mild von willebrand disease. is there anything i should sort out before i book a microneedling session', 'blood-thinners-bleeding-disorders'],
    // Low platelets are a bleeding disorder (the lexicon's disorder concept; blind 122, after its score).
    ['my blood tests show low platelets, anything i should do before booking microneedling', 'blood-thinners-bleeding-disorders'],
    ['will my skin peel afterwards? want to know what im signing up for before i hand over 200 quid', 'peeling-and-shedding'],
  ])('answers %j', (question, id) => {
    expect(idOf(question)).toBe(id);
  });
});
