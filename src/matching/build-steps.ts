import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * A long build written as a generator that yields between small pieces of work: run to the end at once, or in
 * slices with the event loop free between them (a knowledge reload then does not hold up replies).
 * It yields nothing (a point to pause at) or, through nested(), a build of its own to run first.
 */
export type BuildSteps<T> = Generator<BuildSteps<unknown> | undefined, T, unknown>;

/**
 * Runs a nested build and gives its result: `const index = yield* nested(indexSteps(...))`. The driver runs the
 * nested build, not the generator that asked for it. With a plain `yield*`, every pause of the nested build
 * passes through each generator above it: the top one turned hot, and V8 compiled the whole build generator
 * (everything it calls inlined), twice per build, a third of a second of compiling on a two-core machine.
 */
export function* nested<T>(steps: BuildSteps<T>): BuildSteps<T> {
  // The driver resumes this generator with `steps`' result (see advance).
  return (yield steps) as T;
}

/** Calls `step` on each item, `perStep` items to a step. Run it through nested(), as the build's loops do. */
export function eachStep<T>(items: readonly T[], step: (item: T, index: number) => void, perStep = 1): BuildSteps<void> {
  return countSteps(items.length, (i) => step(items[i]!, i), perStep);
}

/** Calls `step` on the numbers 0 to count - 1, `perStep` of them to a step. */
export function* countSteps(count: number, step: (index: number) => void, perStep = 1): BuildSteps<void> {
  for (let i = 0; i < count; i++) {
    if (i % perStep === 0) yield;
    step(i);
  }
}

/** A build and the nested builds it waits on, innermost last. */
interface Running {
  stack: BuildSteps<unknown>[];
  /** What the innermost build is resumed with: the result of the nested build that just ended... */
  input: unknown;
  /** ...or the error it threw, thrown into the build that waited on it (as `yield*` would). */
  error: { thrown: unknown } | undefined;
}

const started = (steps: BuildSteps<unknown>): Running => ({ stack: [steps], input: undefined, error: undefined });

/** Runs the build to its next pause: whether it has ended, and its result if so. */
function advance(running: Running): { done: true; value: unknown } | { done: false } {
  for (;;) {
    const top = running.stack[running.stack.length - 1]!;
    let step: IteratorResult<BuildSteps<unknown> | undefined, unknown>;
    try {
      step = running.error ? top.throw(running.error.thrown) : top.next(running.input);
    } catch (thrown) {
      running.stack.pop();
      if (running.stack.length === 0) throw thrown;
      running.error = { thrown };
      continue;
    }
    running.error = undefined;
    running.input = undefined;
    if (step.done) {
      running.stack.pop();
      if (running.stack.length === 0) return { done: true, value: step.value };
      running.input = step.value;
    } else if (step.value !== undefined) running.stack.push(step.value);
    else return { done: false };
  }
}

export function runToEnd<T>(steps: BuildSteps<T>): T {
  const running = started(steps);
  for (;;) {
    const step = advance(running);
    if (step.done) return step.value as T;
  }
}

/** Runs the steps about `sliceMs` at a time, letting other events in between slices. */
export async function runInSlices<T>(steps: BuildSteps<T>, sliceMs: number): Promise<T> {
  const running = started(steps);
  for (;;) {
    const until = performance.now() + sliceMs;
    for (;;) {
      const step = advance(running);
      if (step.done) return step.value as T;
      if (performance.now() >= until) break;
    }
    await nextTurn();
  }
}
