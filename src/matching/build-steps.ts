import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * A long build written as a generator that yields between small pieces of work: run to the end at once, or in
 * slices with the event loop free between them (a knowledge reload then does not hold up replies).
 */
export type BuildSteps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: BuildSteps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps about `sliceMs` at a time, letting other events in between slices. */
export async function runInSlices<T>(steps: BuildSteps<T>, sliceMs: number): Promise<T> {
  for (;;) {
    const until = performance.now() + sliceMs;
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() >= until) break;
    }
    await nextTurn();
  }
}
