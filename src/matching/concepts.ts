/**
 * Words that mean the same thing to this bot, folded onto one concept so "flaky", "shedding" and
 * "peeling" all count as the same evidence. Keys are surface words; they are stemmed at start-up,
 * so listing one form of a word is enough.
 */
export const CONCEPT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  peel: ['peel', 'peeling', 'flaky', 'flaking', 'flake', 'flakes', 'shed', 'shedding', 'sheds', 'scaly'],
  red: ['red', 'redness', 'reddish', 'reddened', 'pink', 'pinkish', 'pinkness', 'rosy', 'flushed', 'color', 'colour', 'tomato', 'lobster', 'beet', 'beetroot'],
  bleed: ['bleed', 'bleeding', 'bled', 'blood', 'bloody', 'bloodied'],
  pain: ['pain', 'painful', 'hurt', 'hurts', 'hurting', 'sting', 'stings', 'stinging', 'ouch', 'ow', 'sore', 'uncomfortable', 'discomfort', 'agony'],
  numb: ['numb', 'numbing', 'numbed', 'anesthetic', 'anaesthetic', 'lidocaine'],
  sunscreen: ['sunscreen', 'sunblock'],
  sun: ['sun', 'sunlight', 'sunshine', 'sunny', 'uv', 'rays', 'outdoors', 'outside', 'beach', 'sunbathe', 'sunbathing'],
  sunburn: ['sunburn', 'sunburned', 'burn', 'burned'],
  circulation: ['circulation', 'circulate', 'circulating', 'bloodflow'],
  dry: ['dry', 'dryness', 'parched', 'dehydrated'],
  moisturize: ['moisturize', 'moisturizer', 'moisturizing', 'hydrate', 'hydrating', 'hydration', 'lotion'],
  // Acid exfoliants are exfoliants: "can i use my glycolic toner" is the exfoliating-products question.
  exfoliate: ['exfoliate', 'exfoliant', 'exfoliating', 'exfoliator', 'exfoliation', 'scrub', 'scrubs', 'glycolic', 'salicylic', 'lactic', 'mandelic', 'aha', 'ahas', 'bha', 'bhas'],
  session: ['session', 'treatment', 'appointment', 'procedure', 'sitting', 'visit', 'round'],
  result: ['result', 'results', 'difference', 'improvement', 'change', 'changes'],
  younger: ['younger', 'youthful', 'aging', 'ageing', 'antiaging'],
  doctor: ['doctor', 'physician', 'dermatologist', 'provider', 'gp'],
  thinner: ['thinner', 'thinners', 'aspirin', 'anticoagulant', 'anticoagulants', 'warfarin', 'eliquis', 'xarelto', 'coumadin', 'heparin', 'plavix', 'clopidogrel'],
  disorder: ['disorder', 'disease', 'condition', 'conditions', 'hemophilia', 'haemophilia', 'willebrand', 'clotting', 'clot'],
  safe: ['safe', 'safety', 'dangerous', 'danger', 'risky', 'risk', 'risks', 'harmful', 'harm'],
  tight: ['tight', 'tightness', 'taut', 'stiff'],
  rough: ['rough', 'sandpaper', 'bumpy', 'coarse', 'texture', 'leather', 'leathery', 'scratchy', 'papery', 'crepey'],
  wound: ['wound', 'wounds', 'damage', 'damaged', 'damaging', 'injury', 'injuries', 'injure', 'trauma', 'holes', 'hole'],
  needle: ['needle', 'needles', 'pins', 'poke', 'poking', 'prick', 'pricking', 'stab'],
  minute: ['minute', 'minutes', 'duration', 'short'],
  sterile: ['sterile', 'sterilized', 'sterilised', 'clean', 'hygienic', 'sanitized', 'disinfected'],
  irritate: ['irritate', 'irritated', 'irritation'],
  microneedling: ['microneedling'],
  face: ['face', 'skin', 'cheeks', 'cheek', 'forehead', 'nose', 'chin', 'jaw', 'jawline', 'lip', 'lips'],
  fade: ['fade', 'fades', 'fading', 'faded', 'calm', 'settle', 'subside', 'disappear', 'ease', 'away', 'gone', 'vanish', 'clear'],
  normal: ['normal', 'normally', 'worry', 'worried', 'worrying', 'concern', 'concerned', 'concerning', 'alarming', 'typical', 'usual'],
  use: ['use', 'using', 'used', 'apply', 'applying', 'put', 'putting', 'wear', 'wearing'],
};

/**
 * Concepts that belong to the setting of almost any question here rather than to one topic: "my derm
 * said", "ask your doctor". They weigh like everyday words, so a doctor mentioned in passing does not
 * make a question about the one entry whose answer sends you to your doctor.
 */
export const CONTEXT_CONCEPTS: readonly string[] = ['doctor', 'face', 'microneedling'];

/**
 * Word senses that the words alone get wrong, rewritten before concepts are taken: "go to work" is a
 * job, not whether the treatment works.
 */
export const SENSE_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(go|going|goes|get|getting|head|heading|back|return|returning|come|coming|drive|driving|be) (back )?to work\b/g, '$1 to job'],
  [/\b(at|from|before|after|for|off|miss|missing|skip|skipping|during) work\b/g, '$1 job'],
  [/\bwork (tomorrow|today|tonight|the next day|the day after|on monday|on mondays|in the morning|shifts?)\b/g, 'job $1'],
  [/\bafter ?wards?\b|\bafterwords?\b/g, 'after'],
  // Blood pressure, blood sugar and blood tests are not about bleeding.
  [/\bblood (pressure|sugar|test|tests|work|type|donation|donor|cells?|count|orange)\b/g, 'blood$1'],
];

/**
 * Question shapes that carry meaning even though their words are stopwords: each adds a concept token
 * ("what is microneedling" and "explain microneedling" both add `define`).
 */
export const INTENT_MARKERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwhat (even |exactly |actually |really )?(is|are) (it|this|that|microneedling)\b/, 'define'],
  [/\b(explain|definition|tell me about|describe)\b/, 'define'],
  [/\bmicroneedling (is|is it) what\b|\bwhat (kind|type|sort) of (treatment|procedure|thing) is (it|this|microneedling)\b|\bmicroneedling is what (kind|type|sort) of\b/, 'define'],
  [/\bwhat is the (deal|story|scoop|lowdown|hype) (with|about|on) (it|this|that|microneedling)\b/, 'define'],
  [/\bhow (does|do|did|would) (microneedling|it|this) (even |actually |really )?work\b/, 'define'],
  [/\bwhat (is|are) (the )?(actual |whole |general |basic )?(process|procedure|steps)\b|\bwalk me through\b/, 'define'],
  [/\bwhat (do|does|will|did|would) (they|you|the (doctor|dermatologist|provider|esthetician|clinic)) (actually |really |even |exactly )?do\b(?! (about|for|with|if|when))/, 'define'],
  [/\bwhat (happens|will happen|goes on|is going to happen)\b.{0,25}\b(during|in|at)\b/, 'define'],
  [/\b(what|how) (does|do|will|would) (it|microneedling|this|the procedure|the treatment) (actually |really )?involve\b/, 'define'],
  [/\b(supposed|meant|going) to (help|do|fix|improve|treat)\b/, 'purpose'],
  [/\bwhy (do|would|does|should|did|are) (people|anyone|someone|you|i|they|folks|everyone)\b/, 'purpose'],
  // Learner word order: "why people do microneedling".
  [/\bwhy (people|everyone|folks|someone|anyone) (do|get|would|go|are)\b/, 'purpose'],
  [/\b(point of|benefit|benefits|good for|worth it)\b/, 'purpose'],
  [/\bwhat (does|do|will|would|did) (it|microneedling|this|that|the procedure|the treatment|the needles?) (actually |really |even |exactly )?do\b/, 'define'],
  [/\b(what is|whats) the (reason|point|purpose)\b|\breasons? (why|for|people|to)\b/, 'purpose'],
  [/\bhow long\b|\bhow much time\b/, 'howlong'],
  // Asking whether it takes long, or fits in a gap in the day, is asking how long it takes.
  [/\b(take|takes|taking|last|lasts) (very |too |that |so )?(long|ages|forever|a while|all (day|morning|afternoon|evening))\b/, 'howlong'],
  [/\btake (an|one|two|a few|several|half an|a couple of|a couple) (hour|hours)\b/, 'howlong'],
  [/\b(lunch ?break|on my lunch|in my lunch|during (my )?lunch|squeeze (it )?in|fit (it )?in)\b/, 'howlong'],
  // How it feels while it is done is a question about pain.
  [/\b(does|do|will|would|did) (it|microneedling|this|the needles?|the needle|the procedure|the treatment|the session) (feel|felt)\b/, 'pain'],
  [/\bwhat (does|do|will|did) (it|microneedling|this|the needles?|the procedure|the treatment) feel like\b/, 'pain'],
  // "what to expect", "watch out for", "side effects", "downtime": what the days after bring.
  [/\b(what|anything|things?) (should |can |do |will |would |might )?(i|you|we|people) (should |can |will |would |might |to )?(expect|anticipate)\b|\bwhat to expect\b/, 'aftermath'],
  [/\b(watch out|look out|keep an eye out|be aware|be prepared|prepare myself)\b/, 'aftermath'],
  [/\b(tips|advice|dos and donts|do and dont|what to do) (for )?(after|post|following)\b/, 'aftermath'],
  [/\bwhat (happens|will happen|is going to happen|happened)\b.{0,25}\b(after|later|next day|next days|following|afterwards)\b/, 'aftermath'],
  [/\bwhat (will|does|would) (my|the|your) (face|skin) look like\b|\bhow (will|does|would) (my|the|your) (face|skin) look\b/, 'aftermath'],
  [/\b(side effects?|after ?effects?|reactions?|downtime|recovery|aftercare|risks?|downsides?|drawbacks?|cons|negatives?)\b/, 'aftermath'],
  // Seeing no results yet is the number-of-treatments question.
  [/\b(see|seeing|saw|seen|notice|noticing|noticed) (nothing|no (change|difference|result|results|improvement)|any (change|difference|result|results|improvement)|a difference|results?)\b/, 'result'],
  [/\bhow many\b|\b(one|single|1) (session|treatment|appointment|round)\b/, 'howmany'],
];
