import { setImmediate as nextTurn } from 'node:timers/promises';
import { type BuildSteps, countSteps, eachStep, nested, runInSlices, runToEnd } from '../../src/matching/build-steps';

/** A build that reads words in steps, in a nested build of a nested build, and returns what it read. */
function* wordsBuild(words: readonly string[], seen: string[]): BuildSteps<string> {
  function* inner(): BuildSteps<number> {
    yield* nested(eachStep(words, (w, i) => seen.push(`${i}:${w}`)));
    return words.length;
  }
  const count = yield* nested(inner());
  yield;
  const squares: number[] = [];
  yield* nested(countSteps(3, (i) => squares.push(i * i), 2));
  return `${count} words, squares ${squares.join(' ')}`;
}

describe('build steps', () => {
  it('runs nested builds in order and hands each one’s result back to the build that waited on it', () => {
    const seen: string[] = [];
    expect(runToEnd(wordsBuild(['peel', 'red', 'sun'], seen))).toBe('3 words, squares 0 1 4');
    expect(seen).toEqual(['0:peel', '1:red', '2:sun']);
  });

  it('gives the same result in slices, with other events let in between', async () => {
    const seen: string[] = [];
    const events: string[] = [];
    // A slice of 0 ms ends at the first pause: the other event runs before the build has finished.
    const built = runInSlices(wordsBuild(['peel', 'red'], seen), 0).then((result) => {
      events.push('built');
      return result;
    });
    await nextTurn();
    events.push('other event');
    expect(await built).toBe('2 words, squares 0 1 4');
    expect(events).toEqual(['other event', 'built']);
    expect(seen).toEqual(['0:peel', '1:red']);
  });

  it('passes on an error thrown inside a nested build', () => {
    function* failing(): BuildSteps<void> {
      yield;
      throw new Error('broken entry');
    }
    function* outer(): BuildSteps<string> {
      yield* nested(failing());
      return 'unreachable';
    }
    expect(() => runToEnd(outer())).toThrow('broken entry');
  });

  it('lets the build that waited on a nested build catch its error', () => {
    function* failing(): BuildSteps<number> {
      yield;
      throw new Error('broken entry');
    }
    function* outer(): BuildSteps<string> {
      try {
        return `read ${yield* nested(failing())}`;
      } catch (error) {
        yield;
        return `caught: ${(error as Error).message}`;
      }
    }
    expect(runToEnd(outer())).toBe('caught: broken entry');
  });
});
