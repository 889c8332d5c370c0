/**
 * A multinomial naive Bayes classifier over a message's features (its concepts and pairs of them), trained on
 * every labelled phrasing of the pack. The rule matcher explains a question word by word; this one has read
 * thousands of real questions, and knows how they tend to be worded as a whole. Training only counts (linear in
 * the phrasings); a prediction costs one step per label plus one per (feature, label) seen together.
 */
export interface LabelledFeatures {
  label: string;
  /** Distinct features of one phrasing. */
  features: readonly string[];
}

export interface Prediction {
  label: string;
  /** Posterior probability of the label (naive Bayes is overconfident: only values near 1 mean much). */
  probability: number;
}

export interface PhrasingClassifier {
  /** The most probable label, or null when the message has no feature the training phrasings had. */
  predict(features: readonly string[]): Prediction | null;
}

/** Additive smoothing: how much an unseen (feature, label) pair counts, beside one seen once. */
const SMOOTHING = 0.3;

export function trainPhrasingClassifier(examples: Iterable<LabelledFeatures>): PhrasingClassifier {
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const phrasings: number[] = [];
  const featureTotals: number[] = [];
  /** feature -> label index -> how many of the label's phrasings have it. */
  const postings = new Map<string, Map<number, number>>();
  let count = 0;
  for (const { label, features } of examples) {
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
    for (const feature of features) {
      let byLabel = postings.get(feature);
      if (byLabel === undefined) {
        byLabel = new Map();
        postings.set(feature, byLabel);
      }
      byLabel.set(k, (byLabel.get(k) ?? 0) + 1);
      featureTotals[k]!++;
    }
  }
  const vocabulary = postings.size;
  // What a prediction reads: per feature, the labels that saw it and log((n + s) / s) for each.
  const weights = new Map<string, { labels: Int32Array; logRatios: Float64Array }>();
  for (const [feature, byLabel] of postings) {
    const seenBy = Int32Array.from(byLabel.keys());
    const logRatios = Float64Array.from(byLabel.values(), (n) => Math.log((n + SMOOTHING) / SMOOTHING));
    weights.set(feature, { labels: seenBy, logRatios });
  }
  postings.clear();
  // log P(label) and log of one unseen feature's probability under the label, once per label.
  const logPrior = phrasings.map((n) => Math.log(n / count));
  const logUnseen = featureTotals.map((total) => Math.log(SMOOTHING / (total + SMOOTHING * vocabulary)));
  const scores = new Float64Array(labels.length);

  return {
    predict(features) {
      const known = [...new Set(features)].filter((f) => weights.has(f));
      if (known.length === 0 || labels.length === 0) return null;
      // Every known feature first counts as unseen under every label; those a label has seen then add their
      // count: log((n + s) / s) on top of log(s / ...).
      for (let k = 0; k < labels.length; k++) scores[k] = logPrior[k]! + known.length * logUnseen[k]!;
      for (const feature of known) {
        const { labels: seenBy, logRatios } = weights.get(feature)!;
        for (let i = 0; i < seenBy.length; i++) scores[seenBy[i]!]! += logRatios[i]!;
      }
      let best = 0;
      for (let k = 1; k < labels.length; k++) if (scores[k]! > scores[best]!) best = k;
      let total = 0;
      for (let k = 0; k < labels.length; k++) total += Math.exp(scores[k]! - scores[best]!);
      return { label: labels[best]!, probability: 1 / total };
    },
  };
}
