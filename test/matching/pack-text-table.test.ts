import { createPackTextTable } from '../../src/matching/pack-text-table';

describe('pack text table', () => {
  const reads: string[] = [];
  const read = (text: string): string[] => {
    reads.push(text);
    return text.toLowerCase().split(' ');
  };

  beforeEach(() => {
    reads.length = 0;
  });

  it('numbers each distinct text once, in the order first given', () => {
    const table = createPackTextTable(read);
    expect([table.id('Is peeling normal'), table.id('How long'), table.id('Is peeling normal')]).toEqual([0, 1, 0]);
    expect(table.size).toBe(2);
  });

  it('adds a text under a new number of its own, which a later lookup of the same text does not find', () => {
    const table = createPackTextTable(read);
    const added = table.add('Is peeling normal');
    expect([table.id('Is peeling normal'), table.add('Is peeling normal')]).toEqual([added + 1, added + 2]);
    expect(table.size).toBe(3);
    expect(table.words(added)).toEqual(['is', 'peeling', 'normal']);
  });

  it('reads a text once, and keeps words it was given instead of reading them', () => {
    const table = createPackTextTable(read);
    const a = table.id('Red for days');
    const b = table.id('Given text');
    table.giveWords(b, ['given', 'words']);
    expect(table.words(a)).toEqual(['red', 'for', 'days']);
    expect(table.words(a)).toEqual(['red', 'for', 'days']);
    expect(table.words(b)).toEqual(['given', 'words']);
    expect(reads).toEqual(['Red for days']);
  });

  it('gives the same number to the same word in every text', () => {
    const table = createPackTextTable(read);
    const first = table.wordNumbers(table.id('red skin red'));
    const second = table.wordNumbers(table.id('skin care'));
    expect([...first]).toEqual([0, 1, 0]);
    expect([...second]).toEqual([1, 2]);
    expect([0, 1, 2].map(table.word)).toEqual(['red', 'skin', 'care']);
  });

  it('works out a function of a word once per word number, null and false answers included', () => {
    const table = createPackTextTable(read);
    const numbers = table.wordNumbers(table.id('a b a b'));
    const calls: string[] = [];
    const isA = table.perWord((word) => {
      calls.push(word);
      return word === 'a' ? true : null;
    });
    expect([...numbers].map(isA)).toEqual([true, null, true, null]);
    expect(calls).toEqual(['a', 'b']);
  });

  it('lets everything go when cleared', () => {
    const table = createPackTextTable(read);
    table.words(table.id('some text'));
    table.clear();
    expect(table.size).toBe(0);
    expect(table.id('other text')).toBe(0);
    expect(table.words(0)).toEqual(['other', 'text']);
  });
});
