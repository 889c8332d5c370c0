import { type BuildSteps, runToEnd } from './build-steps';

/**
 * A multinomial naive Bayes classifier over a message's features (its concepts and pairs of them), trained on
 * every labelled phrasing of the pack. The rule matcher explains a question word by word; this one has read
 * thousands of real questions, and knows how they tend to be worded as a whole. Training only counts (linear in
 * the phrasings); a prediction costs one step per label plus one per (feature, label) seen together.
 * Features are dense numbers (feature-ids.ts): counting indexes arrays instead of hashing strings.
 */
export interface LabelledFeatures {
  label: string;
  /** Distinct features of one phrasing (numbers from feature-ids.ts). */
  features: readonly number[];
}

export interface Prediction {
  label: string;
  /** Posterior probability of the label (naive Bayes is overconfident: only values near 1 mean much). */
  probability: number;
}

export interface PhrasingClassifier {
  /** The most probable label, or null when the message has no feature the training phrasings had. */
  predict(features: readonly number[]): Prediction | null;
}

/** Additive smoothing: how much an unseen (feature, label) pair counts, beside one seen once. */
const SMOOTHING = 0.3;

/** Features read between two yields of the build. */
const FEATURES_PER_STEP = 4096;

/** Trains on all the examples at once (the build uses createPhrasingTrainer, in its own steps). */
export function trainPhrasingClassifier(examples: Iterable<LabelledFeatures>): PhrasingClassifier {
  const trainer = createPhrasingTrainer();
  for (const { label, features } of examples) trainer.add(label, features);
  return runToEnd(trainer.finish());
}

/** Training one phrasing at a time (the build reads them in its own steps), then the counts made into a classifier. */
export interface PhrasingTrainer {
  add(label: string, features: readonly number[]): void;
  finish(): BuildSteps<PhrasingClassifier>;
}

export function createPhrasingTrainer(): PhrasingTrainer {
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const phrasings: number[] = [];
  const featureTotals: number[] = [];
  /**
   * feature -> [label, count, label, count, ...]. Phrasings come grouped by label, so a feature's count for the
   * label being read is its last pair. A label seen again later gets a second pair, merged below.
   */
  const postings: (number[] | undefined)[] = [];
  let count = 0;
  return {
    add(label, features) {
      let k = labelIndex.get(label);
      if (k === undefined) {
        k = labels.length;
        labelIndex.set(label, k);
        labels.push(label);
        phrasings.push(0);
        featureTotals.push(0);
      }
      count++;
      phrasings[k]!++;
      featureTotals[k]! += features.length;
      for (const feature of features) {
        const pairs = postings[feature];
        if (pairs === undefined) postings[feature] = [k, 1];
        else if (pairs[pairs.length - 2] === k) pairs[pairs.length - 1]!++;
        else pairs.push(k, 1);
      }
    },
    finish: () => classifierOf(labels, phrasings, featureTotals, postings, count),
  };
}

function* classifierOf(
  labels: readonly string[],
  phrasings: readonly number[],
  featureTotals: readonly number[],
  postings: (number[] | undefined)[],
  count: number,
): BuildSteps<PhrasingClassifier> {
  // What a prediction reads, per feature: the labels that saw it and log((n + s) / s) for each, in two flat
  // arrays from starts[f] to starts[f + 1]; a feature no phrasing had has an empty range.
  const features = postings.length;
  const starts = new Int32Array(features + 1);
  const labelsSeen: number[] = [];
  const counts: number[] = [];
  const slot = new Int32Array(labels.length).fill(-1);
  let vocabulary = 0;
  // A function of its own, as every loop body here: V8 optimises it at once, not with the whole generator.
  const merge = (f: number): void => {
    starts[f] = labelsSeen.length;
    const pairs = postings[f];
    if (pairs === undefined) return;
    vocabulary++;
    for (let i = 0; i < pairs.length; i += 2) {
      const k = pairs[i]!;
      if (slot[k] === -1) {
        slot[k] = labelsSeen.length;
        labelsSeen.push(k);
        counts.push(pairs[i + 1]!);
      } else counts[slot[k]!]! += pairs[i + 1]!;
    }
    for (let j = starts[f]!; j < labelsSeen.length; j++) slot[labelsSeen[j]!] = -1;
  };
  for (let f = 0; f < features; f++) {
    if (f % FEATURES_PER_STEP === 0) yield;
    merge(f);
  }
  starts[features] = labelsSeen.length;
  postings.length = 0;
  yield;
  const seenBy = Int32Array.from(labelsSeen);
  const logRatios = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    if (i % (FEATURES_PER_STEP * 4) === 0) yield;
    logRatios[i] = Math.log((counts[i]! + SMOOTHING) / SMOOTHING);
  }
  // log P(label) and log of one unseen feature's probability under the label, once per label.
  const logPrior = phrasings.map((n) => Math.log(n / count));
  const logUnseen = featureTotals.map((total) => Math.log(SMOOTHING / (total + SMOOTHING * vocabulary)));
  const scores = new Float64Array(labels.length);
  // Which features the message being predicted has counted already (a stamp per feature: nothing allocated).
  const counted = new Uint32Array(features);
  let stamp = 0;
  const known: number[] = [];

  return {
    predict(message) {
      if (++stamp === 0xffffffff) {
        counted.fill(0);
        stamp = 1;
      }
      known.length = 0;
      for (const f of message) {
        if (f < 0 || f >= features || starts[f] === starts[f + 1] || counted[f] === stamp) continue;
        counted[f] = stamp;
        known.push(f);
      }
      if (known.length === 0 || labels.length === 0) return null;
      // Every known feature first counts as unseen under every label; those a label has seen then add their
      // count: log((n + s) / s) on top of log(s / ...).
      for (let k = 0; k < labels.length; k++) scores[k] = logPrior[k]! + known.length * logUnseen[k]!;
      for (const f of known) {
        for (let i = starts[f]!, end = starts[f + 1]!; i < end; i++) scores[seenBy[i]!]! += logRatios[i]!;
      }
      let best = 0;
      for (let k = 1; k < labels.length; k++) if (scores[k]! > scores[best]!) best = k;
      let total = 0;
      for (let k = 0; k < labels.length; k++) total += Math.exp(scores[k]! - scores[best]!);
      return { label: labels[best]!, probability: 1 / total };
    },
  };
}
