import { realMatcher, replyTo } from './matcher-helpers';

describe('matcher: red flags', () => {
  it.each([
    ['i have a fever after microneedling', 'fever-or-chills'],
    ['there is pus coming out of the needle spots', 'pus-or-oozing'],
    ['theres a yellow crust on my cheek', 'pus-or-oozing'],
    ['i think it is infected', 'infection'],
    ['the redness is spreading to my neck', 'spreading-or-worsening-redness'],
    ['red streaks going out from the area', 'spreading-or-worsening-redness'],
    ['still really red after 5 days', 'redness-not-easing'],
    ['its been a week and im still red', 'redness-not-easing'],
    ["the bleeding won't stop", 'bleeding-will-not-stop'],
    ["I can't breathe properly after the treatment", 'breathing-or-throat'],
    ['my throat feels like its closing', 'breathing-or-throat'],
    ['the pain is getting worse every day', 'severe-or-increasing-pain'],
    ['the swelling keeps getting worse', 'severe-or-increasing-swelling'],
    ['my face is getting more swollen and I have chills', 'fever-or-chills'],
    ['i have blisters on my face', 'blisters'],
    ['broke out in hives after the numbing', 'allergic-reaction'],
    ['my vision is blurry', 'vision-problems'],
    ['my cheek is hot to the touch', 'hot-to-the-touch'],
    ['temp is 38.5 after microneedling yesterday', 'fever-or-chills'],
    ['its been 3 hours and the bleeding hasnt stopped', 'bleeding-will-not-stop'],
    ['im dizzy and my face is bleeding a lot', 'bleeding-will-not-stop'],
    ['i feel like im going to pass out', 'faint-or-very-unwell'],
    ['the swelling keeps getting bigger', 'severe-or-increasing-swelling'],
    ["it's day 4 and my face is more red than day 1", 'spreading-or-worsening-redness'],
    ['my face smells weird', 'infection'],
    ['my whole face broke out in a rash', 'allergic-reaction'],
    ['is a rash normal after microneedling', 'allergic-reaction'],
  ])('escalates %j (%s)', (question, ruleId) => {
    const result = realMatcher().matcher.match(question);
    expect(result.kind === 'escalation' && result.rule.id).toBe(ruleId);
    const reply = replyTo(question);
    expect(reply.kind).toBe('escalation');
    expect(reply.text).toMatch(/provider/);
    expect(reply.text).toMatch(/local emergency number/);
  });

  it('runs before out-of-scope and FAQ matching', () => {
    // "neck" is an out-of-scope term and "red" an FAQ topic; the warning sign still wins.
    expect(replyTo('the redness is spreading down my neck').kind).toBe('escalation');
    expect(replyTo('is bleeding normal? it wont stop').kind).toBe('escalation');
  });

  it('sees warning signs through typos fixed by normalisation', () => {
    expect(replyTo('i have a feaver and my face is hot to the touch').kind).toBe('escalation');
    expect(replyTo('bleding wont stop').kind).toBe('escalation');
  });

  it.each([
    'how long will i stay red',
    'is bleeding normal',
    'does it hurt',
    'is swelling normal after microneedling',
    'still pink 2 days later, is that ok',
    'will i see results in a week',
    'no fever or chills, just a bit red, normal?',
    'i dont have any pus or blisters, just peeling',
    'there is a faint pink tinge left, normal?',
    'i bled a lot during the session, is that normal',
  ])('does not escalate the ordinary question %j', (question) => {
    expect(replyTo(question).kind).not.toBe('escalation');
  });
});

describe('red flags: warning signs of another procedure are that procedure\'s', () => {
  it.each([
    'My new tattoo on my forearm bled quite a bit yesterday and is still oozing clear stuff. How long should that go on for?',
    'I did an IPL photofacial (not microneedling) last Tuesday and my face is still fairly red. How long does redness last after IPL?',
    'My dentist gave me a numbing injection for a filling and my lip stayed numb for hours. Is that normal?',
    'Had my brows microbladed on Friday. Today the skin is weeping a little. How long should that take to settle?',
  ])('declines %j instead of judging it', (question) => {
    expect(replyTo(question).kind).toBe('fallback');
  });

  it.each([
    'my face is oozing like a fresh tattoo three days after microneedling',
    'I had microneedling and a tattoo touch-up last week and my face has pus in it',
    'Got a tattoo on my arm on Saturday. My face has been oozing pus since the microneedling on Monday.',
    "It's day 4 and I keep waking up with little spots of blood on my pillowcase.",
    "two days later my chin and lip still feel numb and tingly, like after the dentist",
    'Got my lip filler topped up in May. Two days after microneedling now and my cheek is weeping yellow stuff.',
  ])('still escalates %j: the sign is the treatment\'s, or only compared with the other procedure', (question) => {
    expect(replyTo(question).kind).toBe('escalation');
  });
});

describe('red flags: pain someone expected is not pain they have', () => {
  it('answers a question about numbing from someone who expected agony and did not get it', () => {
    const reply = replyTo('Went in this morning expecting agony, and honestly it was more of a scratchy buzzing feeling. Was it the numbing cream that made it barely hurt?');
    expect(reply.kind === 'answer' ? reply.faqId : reply.kind).toBe('pain-and-numbing');
  });

  it('still escalates agony someone is in', () => {
    expect(replyTo('i am in agony two days after microneedling').kind).toBe('escalation');
  });
});

describe('red flags: the complication classes in the words people use', () => {
  it.each([
    ["It's been two hours since my session and one spot on my forehead keeps bleeding whenever I take the tissue off.", 'bleeding-will-not-stop'],
    ['my chin bled right through a pad of gauze on the drive home', 'bleeding-will-not-stop'],
    ['the bleeding from one spot on my cheek was still going an hour after I left the clinic', 'bleeding-will-not-stop'],
    ['I pressed on the bleeding spot for ages but it starts up again every time I let go', 'bleeding-will-not-stop'],
    ['Day 3 and my swelling has got noticeably bigger than yesterday', 'severe-or-increasing-swelling'],
    ["the puffiness around my eyes is so bad I can barely open them this morning", 'severe-or-increasing-swelling'],
    ['my jaw feels firm and warm where they did the needling', 'infection'],
    ['my face went itchy with big raised bumps an hour after the session', 'allergic-reaction'],
    ['woke up covered in lumps like mosquito bites on both cheeks', 'allergic-reaction'],
    ['the hives started on my cheeks and now they are also on my neck', 'allergic-reaction'],
    ['after the numbing cream came off my cheek started to go greyish', 'spreading-or-worsening-redness'],
    ['its stinging really bad a few hours later', 'severe-or-increasing-pain'],
    ['my face kinda smells like off, had the needling 5 days ago', 'infection'],
    ['where the numbing cream went i now have a blotchy red burning rash', 'allergic-reaction'],
    ['my son had microneedling on saturday and now hes running 38.5 and his cheeks are hot', 'fever-or-chills'],
    ['the care home called: my mum is unusually drowsy and muddled since her microneedling', 'faint-or-very-unwell'],
    ['the serum they sold me stings every time and my skin goes bumpy and angry red', 'allergic-reaction'],
    ['the bleeding dont stop, i have been pressing with gauze for half an hour', 'bleeding-will-not-stop'],
    ['after the microneedling some manchas oscuras appeared on my cheeks, 3 weeks now', 'pigment-change'],
    ['no fever at all, but the redness from my microneedling appointment seems to be slowly spreading down my neck', 'spreading-or-worsening-redness'],
  ])('escalates %j (%s)', (question, rule) => {
    const reply = replyTo(question);
    expect(reply.kind).toBe('escalation');
    expect(realMatcher().matcher.explain(question).redFlag?.rule.id).toBe(rule);
  });
});

describe('red flags: a skin tone is not a change of colour', () => {
  it('does not escalate "my skin is dark" said about someone\'s skin tone', () => {
    expect(replyTo('my skin is dark, is microneedling ok for brown skin?').kind).not.toBe('escalation');
  });

  it.each(['the patch on my cheek is darker since the session', 'three weeks later my cheeks have gone dark brown in patches'])(
    'still escalates %j',
    (question) => {
      expect(replyTo(question).kind).toBe('escalation');
    },
  );
});

describe('red flags: the normal course in words that sound alarming', () => {
  it.each([
    'how painful is it on a scale of 1 to 10, is it worse than waxing?',
    'there were tiny red dots all over my face at the end of the session, is that normal?',
    'had my first session and honestly i cant see a thing, was it a waste of money?',
    'is microneedling the same as botox? i get them all muddled up',
    'the billing lady gave me a very confused look when i asked about insurance for microneedling',
    'my friend said it was the worst pain of her life. is that normal? i am booked next week',
    'can I still use my LED red light mask in the week after microneedling?',
    'gave blood at the campus drive today and the needle spot is still bleeding a little, normal?',
    'here the summer is 40 degrees, is the sun dangerous for her now after the face needles?',
    // Scars someone wants treated are not scars the treatment left.
    'does it work on pitted acne scars',
    'can microneedling help raised scars',
    'will microneedling fix my sunken scars',
    'my acne left me with pitted scars, how many sessions will I need?',
    // "I've got" says what someone has; "I got", "new" or "since" say it came.
    "does microneedling help with age spots? I've got a few brown patches from years of holidays",
    "what's the difference between essence and toner i'm so confused 😵",
    'my wife is extremely sensitive to pain, do they numb the face before the needles go in?',
    'Does microneedling help melasma or can it make it worse? Mine flared with my last pregnancy.',
    // "floated" is not a misspelt "floaters": an everyday word is not corrected into a warning word.
    "My derm floated a 'dermapen' session for the texture on my cheeks. What does it involve?",
  ])('does not escalate %j', (question) => {
    expect(replyTo(question).kind).not.toBe('escalation');
  });

  it.each([
    'the pain is worse than yesterday and throbbing',
    'it is the worst pain of my life since the session yesterday',
    'tiny red dots are spreading down my neck since the treatment',
    // "red, light-headed" folds to "red light headed": red light only names the device with the device's words.
    'two weeks after microneedling my face is still red, light headed too',
    'there are raw open patches on my cheeks that still havent closed 10 days after microneedling',
    'im burning up, 39 degrees after my microneedling yesterday',
    '3 weeks after microneedling I have pitted marks where the pen went',
    'now there are raised lines on my forehead since the treatment 6 weeks ago',
    'I got brown patches on my cheeks after the microneedling',
    'face is covered in tiny pimples full of white stuff, day 3 after needling',
    'my mum is very confused since the treatment and keeps falling asleep',
    'the pain is extreme since the session yesterday',
    'my melasma flared after the microneedling last week',
    'i see floaters in my eye since the session',
  ])('still escalates %j', (question) => {
    expect(replyTo(question).kind).toBe('escalation');
  });
});

describe('red flags: how long redness, swelling or pain lasts, asked, and weeks that have passed, told', () => {
  it.each([
    'how long does erythema persist after microneedling',
    'is it normal for erythema to persist for a few days',
    'how long does the redness persist, days or weeks?',
    'my wedding is in 3 weeks, how long will the redness last',
    'day 2 and still a bit pink, the party is in 9 days, will i be ok',
    'im still red and my wedding is in 2 weeks, will it be gone',
    'will i be bleeding for an hour after the session',
    'its been 3 weeks since my treatment and the redness went after a day, when can i book the next one',
    'it has been a month since my session, my skin is no longer red, can i exfoliate now',
  ])('does not escalate the question %j', (question) => {
    expect(replyTo(question).kind).not.toBe('escalation');
  });

  it.each([
    'how long will my redness last? it has been 3 weeks',
    'will the redness go away? its been 3 weeks',
    'its been a fortnight, will the pinkness ever go',
    'how long will my erythema persist? it has been 3 weeks',
    'my erythema is still there on day 9',
  ])('escalates %j', (question) => {
    expect(realMatcher().matcher.match(question)).toMatchObject({ kind: 'escalation', rule: { id: 'redness-not-easing' } });
  });

  it.each([
    ['the spot under my eye has been bleeding on and off for two hours even with pressure', 'bleeding-will-not-stop'],
    ['day 4 now and there is still blood on my pillowcase in the mornings', 'bleeding-will-not-stop'],
    ['mi mejilla sigue entumecida desde hace una semana, como hormigueo', 'lasting-numbness-or-tingling'],
    ['will the swelling go down? its been 2 weeks', 'severe-or-increasing-swelling'],
    ['when will the pain stop? its been two weeks', 'severe-or-increasing-pain'],
  ])('escalates %j (%s): swelling and pain past the normal course the same way', (question, ruleId) => {
    expect(realMatcher().matcher.match(question)).toMatchObject({ kind: 'escalation', rule: { id: ruleId } });
  });

  it.each([
    'its been 3 weeks, the swelling went down after a day, can i book again',
    'my wedding is in 2 weeks, will the swelling go down by then',
    'its been 2 weeks since my session, did the pain during it get easier for you the second time',
  ])('does not escalate %j', (question) => {
    expect(replyTo(question).kind).not.toBe('escalation');
  });
});

describe('red flags: a negation denies a sign, not a time', () => {
  it('escalates grid-like lines that "havent faded after 3 weeks"', () => {
    expect(replyTo('there are faint lines in a grid pattern on my cheek and they havent faded after 3 weeks').kind).toBe('escalation');
  });

  it('still reads "no bleeding a week later" as no bleeding', () => {
    expect(replyTo('no bleeding a week later, just a bit dry').kind).not.toBe('escalation');
  });

  // Blind 122, after its score: "didnt" belonged to the clause before, and the bleeding was missed.
  it.each([
    "I'm on rivaroxaban and didn't mention it, and the bleeding from my cheek just won't stop",
    'i didnt tell them about my warfarin and my face wont stop bleeding',
    'no pain but the bleeding has not stopped since yesterday',
  ])('ends a negation at a new clause (the lexicon\'s negationBreaks), so it escalates %j', (question) => {
    expect(replyTo(question).kind).toBe('escalation');
  });

  it.each(['no swelling and bleeding stopped after an hour', 'it didnt bleed and now its just dry'])('still reads the negation in %j', (question) => {
    expect(replyTo(question).kind).not.toBe('escalation');
  });
});

describe('red flags: what someone already has, fears or is squeamish about', () => {
  // From blind batches 45-59, after their first-contact scores: each was a false alarm.
  it.each([
    'Going in for my first microneedling next Thursday and I get woozy just watching surgery shows. Should I expect to see blood on my face during the procedure?',
    'does microneedling hurt?? i have a rubbish pain threshold, nearly pass out at my own blood tests',
    'I had my needle facial this morning and there were little spots of blood all over my face when she finished. My husband nearly fainted when he saw me! Is that supposed to happen?',
    'Can I keep using the glycolic toner I use for my dark marks straight after microneedling?',
    'Does microneedling help for melasma? I have brown patches on cheeks since my second baby',
    'Has anyone tried the at-home derma rollers? Are they worth it, or just a way to give yourself an infection?',
    'My doctor gave me a steroid cream for eczema on my arms and the skin there is peeling. Should I put coconut oil on it?',
    'I had microneedling yesterday and my nighttime routine includes a face wash with those little gritty beads. Ok to keep using it?',
    "Is there any kind of anaesthetic for the micro needling thing? can't really take a sick day if it's agony",
    'do people actually bleed during microneedling?? im booked next week and i go all faint at the sight of blood',
    'why does my skin feel sooo dry after this, is it permanent?? please tell me its not permanent',
    "What's the typical erythema timeline post-microneedling that I can quote to patients at discharge?",
    // An infection somewhere the treatment does not reach (blind 116, after its score).
    'finishing antibiotics for a chest infection on monday, is my appointment on thursday still ok?',
    'had an ear infection last month, can i still get microneedling',
    'i have an infection in my bladder, does that matter for my session?',
    // A medicine taken every day is not bleeding for days (blind 136, after its score).
    'my mum takes aspirin every day for her heart, does that change anything about the bleeding?',
    // A fear of infection, or one long past (blind 130-131, after their score).
    'im terrified of infections after my knee op, how clean is everything they use?',
    'does microneedling hurt? i had a bad infection last summer so i am wary of needles',
    'a nail salon gave me an infection a couple of years ago, is the numbing cream strong?',
  ])('does not escalate %j', (question) => {
    expect(replyTo(question).kind).not.toBe('escalation');
  });

  it.each([
    'i fainted an hour after my microneedling session and still feel woozy',
    'the serum they put on after gave me a rash all over my cheeks',
    'hard little lumps under the skin three weeks after microneedling',
    'dark patches appeared on my cheeks since the treatment',
    'i think my face is infected, there is yellow crust',
    'the pain is agony and getting worse two days after',
    'are these marks going to be permanent? little grid lines 3 weeks on',
    'still bleeding a bit from one spot and its been over a week',
    'i think i have an infection in my cheek where they did the needling',
    'on antibiotics now because my face got infected after the session',
    'im scared its infected, the dots are weeping',
    'paranoid person here but i think the treated area is infected, it is hot',
    'had an infection last year, now my cheek is infected again since the needling',
    'my face is bleeding every morning when i wake up, a week after the session',
    // A product named a sentence's length before the sting (blind 139, after its score).
    'used a new serum the same night as my microneedling, which i was told not to, and my face is burning a lot and gone bumpy',
  ])('still escalates %j', (question) => {
    expect(replyTo(question).kind).toBe('escalation');
  });
});

describe('red flags: lips or tongue swelled "right up" (blind 127, after its score)', () => {
  it.each(['my top lip has blown right up since this morning', 'her mouth blew all up an hour after the session'])('escalates %j', (question) => {
    expect(replyTo(question).kind).toBe('escalation');
  });

  it('still answers a question about the lips with no swelling', () => {
    expect(replyTo('can they do microneedling right up to the lips').kind).not.toBe('escalation');
  });
});

describe('red flags: marks someone has long had, and insulin injections (blind 124, after its score)', () => {
  it.each([
    'can you do my hands? theyre covered in age spots from years in the sun',
    'when i inject my insulin i get bruises all over my tummy, am i doing it wrong',
  ])('does not escalate %j', (question) => {
    expect(replyTo(question).kind).not.toBe('escalation');
  });

  it.each(['my face is covered in red spots since the serum', 'im on insulin. my face has been bleeding for 2 days'])('still escalates %j', (question) => {
    expect(replyTo(question).kind).toBe('escalation');
  });
});

describe('red flags: bleeding that goes on, told in the past tense or in days (blind 123 and 125, after their scores)', () => {
  it.each([
    'bled heaps during it and it wont stop',
    'held a towel on it for 20 mins and its still going, the blood i mean',
    'my cheek has been bleeding on and off for a day now, i keep dabbing it',
    'been bleeding for a day and a half from one spot on my chin',
  ])('escalates %j', (question) => {
    expect(replyTo(question).kind).toBe('escalation');
  });

  it.each(['will i be bleeding for a day after', 'is it normal to be bleeding for a day', 'i bled a bit during, is that normal'])(
    'still answers the normal course: %j',
    (question) => {
      expect(replyTo(question).kind).toBe('answer');
    },
  );
});

describe('red flags: bleeding told without the verb, and bleeding told of another procedure', () => {
  it.each([
    'is 3 days now and still small blood coming from the points on forehead when I wash. maybe is too long?',
    'day 4 and blood keeps coming out of a couple of the needle marks',
    // A comparison with another procedure does not make the sentence about it.
    'i felt as sore as after my tattoo and now its oozing pus',
  ])('escalates %j', (question) => {
    expect(replyTo(question).kind).toBe('escalation');
  });

  it('does not escalate bleeding after a tooth extraction years ago, told as the reason for asking', () => {
    const reply = replyTo(
      'I have von Willebrand disease, diagnosed as a teenager after a tooth extraction that just would not stop bleeding. Is microneedling even something someone like me can do?',
    );
    expect(reply.kind).toBe('answer');
    expect(reply.text).toMatch(/doctor|provider/i);
  });
});
