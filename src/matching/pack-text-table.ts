/**
 * Building reads each pack text several times (vocabulary, terms, classes, the classifier). The table numbers
 * each distinct text and each distinct word the first time it is read, and keeps a text's words as word
 * numbers: later reads index arrays instead of looking long strings and words up in maps, which in a large pack
 * cost more than the reading itself, and the words' strings are let go at once (far less for the garbage
 * collector to copy). Build-time only: clear() lets it go.
 */
export interface PackTextTable {
  /** The text's number, handed out the first time. */
  id(text: string): number;
  /**
   * A new number for the text, without looking for it among the numbered ones: for texts read once where a
   * second number for a repeat costs only its reading again (hashing every entry phrasing cost more).
   */
  add(text: string): number;
  /** How many texts are numbered. */
  readonly size: number;
  /** The text's words (read once, with `read`, unless given already), made again from their numbers. */
  words(id: number): string[];
  /** The same words as word numbers (see word()). */
  wordNumbers(id: number): Int32Array;
  /** Words for a text, when the caller has them anyway; the first words given or read stay. */
  giveWords(id: number, words: string[]): void;
  /** The word with this number. */
  word(n: number): string;
  /** A function of a word, worked out once per word number. */
  perWord<T>(fn: (word: string) => T): (n: number) => T;
  clear(): void;
}

export function createPackTextTable(read: (text: string) => string[]): PackTextTable {
  const textIds = new Map<string, number>();
  const texts: string[] = [];
  const textNumbers: (Int32Array | undefined)[] = [];
  const wordIds = new Map<string, number>();
  const wordList: string[] = [];
  const numbersOf = (words: readonly string[]): Int32Array => {
    const out = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      let n = wordIds.get(word);
      if (n === undefined) {
        n = wordList.length;
        wordIds.set(word, n);
        wordList.push(word);
      }
      out[i] = n;
    }
    return out;
  };
  const add = (text: string): number => {
    texts.push(text);
    textNumbers.push(undefined);
    return texts.length - 1;
  };
  const wordNumbers = (id: number): Int32Array => {
    let numbers = textNumbers[id];
    if (numbers === undefined) {
      numbers = numbersOf(read(texts[id]!));
      textNumbers[id] = numbers;
    }
    return numbers;
  };
  return {
    id(text) {
      let id = textIds.get(text);
      if (id === undefined) {
        id = add(text);
        textIds.set(text, id);
      }
      return id;
    },
    add,
    get size() {
      return texts.length;
    },
    words(id) {
      // A plain loop: Array.from over a typed array allocates an iterator result per word.
      const numbers = wordNumbers(id);
      const list: string[] = new Array(numbers.length);
      for (let i = 0; i < numbers.length; i++) list[i] = wordList[numbers[i]!]!;
      return list;
    },
    wordNumbers,
    giveWords(id, list) {
      if (textNumbers[id] === undefined) textNumbers[id] = numbersOf(list);
    },
    word: (n) => wordList[n]!,
    perWord<T>(fn: (word: string) => T) {
      const known: T[] = [];
      const done: boolean[] = [];
      return (n: number): T => {
        if (done[n] === true) return known[n]!;
        const value = fn(wordList[n]!);
        known[n] = value;
        done[n] = true;
        return value;
      };
    },
    clear() {
      textIds.clear();
      texts.length = 0;
      textNumbers.length = 0;
      wordIds.clear();
      wordList.length = 0;
    },
  };
}
