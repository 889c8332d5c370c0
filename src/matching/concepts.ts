/**
 * Words that mean the same thing to this bot, folded onto one concept so "flaky", "shedding" and
 * "peeling" all count as the same evidence. Keys are surface words; they are stemmed at start-up,
 * so listing one form of a word is enough.
 */
export const CONCEPT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  peel: ['peel', 'peeling', 'flaky', 'flaking', 'flake', 'flakes', 'shed', 'shedding', 'sheds', 'scaly'],
  red: ['red', 'redness', 'reddish', 'reddened', 'pink', 'pinkish', 'pinkness', 'flushed', 'color', 'colour', 'tomato', 'lobster', 'beet', 'beetroot'],
  bleed: ['bleed', 'bleeding', 'bled', 'blood', 'bloody', 'bloodied'],
  pain: ['pain', 'painful', 'hurt', 'hurts', 'hurting', 'sting', 'stings', 'stinging', 'ouch', 'ow', 'sore', 'uncomfortable', 'discomfort', 'agony'],
  numb: ['numb', 'numbing', 'numbed', 'anesthetic', 'anaesthetic', 'lidocaine'],
  sunscreen: ['sunscreen', 'sunblock'],
  sun: ['sun', 'sunlight', 'sunshine', 'sunny', 'uv', 'rays', 'outdoors', 'outside'],
  sunburn: ['sunburn', 'sunburned', 'burn', 'burned'],
  circulation: ['circulation', 'circulate', 'circulating', 'bloodflow'],
  dry: ['dry', 'dryness', 'parched', 'dehydrated'],
  moisturize: ['moisturize', 'moisturizer', 'moisturizing', 'hydrate', 'hydrating', 'hydration', 'lotion'],
  exfoliate: ['exfoliate', 'exfoliant', 'exfoliating', 'exfoliator', 'exfoliation', 'scrub', 'scrubs'],
  session: ['session', 'treatment', 'appointment', 'procedure', 'sitting', 'visit', 'round'],
  result: ['result', 'results', 'difference', 'improvement', 'change', 'changes', 'effect'],
  younger: ['younger', 'youthful', 'aging', 'ageing', 'antiaging'],
  doctor: ['doctor', 'physician', 'dermatologist', 'provider', 'gp'],
  thinner: ['thinner', 'thinners', 'aspirin', 'anticoagulant', 'anticoagulants', 'warfarin', 'eliquis', 'xarelto', 'coumadin', 'heparin', 'plavix', 'clopidogrel'],
  disorder: ['disorder', 'disease', 'condition', 'conditions', 'hemophilia', 'haemophilia', 'willebrand', 'clotting', 'clot'],
  safe: ['safe', 'safety', 'dangerous', 'danger', 'risky', 'risk', 'risks', 'harmful', 'harm'],
  tight: ['tight', 'tightness', 'taut', 'stiff'],
  rough: ['rough', 'sandpaper', 'bumpy', 'coarse', 'texture'],
  needle: ['needle', 'needles', 'pins', 'poke', 'poking', 'prick', 'pricking', 'stab'],
  minute: ['minute', 'minutes', 'duration', 'short'],
  sterile: ['sterile', 'sterilized', 'sterilised', 'clean', 'hygienic', 'sanitized', 'disinfected'],
  irritate: ['irritate', 'irritated', 'irritation'],
  microneedling: ['microneedling'],
  face: ['face', 'skin', 'cheeks', 'cheek', 'forehead'],
  fade: ['fade', 'fades', 'fading', 'faded', 'calm', 'settle', 'subside', 'disappear', 'ease', 'away', 'vanish', 'clear'],
  normal: ['normal', 'normally', 'worry', 'worried', 'worrying', 'concern', 'concerned', 'concerning', 'alarming', 'typical', 'usual'],
  use: ['use', 'using', 'used', 'apply', 'applying', 'put', 'putting', 'wear', 'wearing'],
};

/**
 * Question shapes that carry meaning even though their words are stopwords: each adds a concept token
 * ("what is microneedling" and "explain microneedling" both add `define`).
 */
export const INTENT_MARKERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwhat (even |exactly |actually |really )?(is|are) (it|this|that|microneedling)\b/, 'define'],
  [/\b(explain|definition|tell me about|describe)\b/, 'define'],
  [/\bhow (does|do|did|would) (microneedling|it|this) (even |actually |really )?work\b/, 'define'],
  [/\bwhy (do|would|does|should|did|are) (people|anyone|someone|you|i|they|folks|everyone)\b/, 'purpose'],
  [/\b(point of|benefit|benefits|good for|worth it)\b/, 'purpose'],
  [/\bhow long\b|\bhow much time\b/, 'howlong'],
  [/\bhow many\b|\b(one|single|1) (session|treatment|appointment|round)\b/, 'howmany'],
];
