import { describe, expect, it } from 'vitest';
import { detectCsvSeparator, parseCsv } from './csv';

describe('parseCsv', () => {
  it('should read quoted fields with separators, line breaks and doubled quotes', () => {
    expect(parseCsv('a,"b, c","say ""hi""\nthere"\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"\nthere'],
      ['1', '2', '3'],
    ]);
  });

  it('should guess the separator from the first line, outside quotes', () => {
    expect(detectCsvSeparator('"a,b";c;d\n1,2')).toBe(';');
    expect(detectCsvSeparator('a\tb\tc')).toBe('\t');
    expect(detectCsvSeparator('abc')).toBe(',');
    expect(parseCsv('\uFEFFHọ và tên;Vai trò\nLan;Lãnh đạo')).toEqual([
      ['Họ và tên', 'Vai trò'],
      ['Lan', 'Lãnh đạo'],
    ]);
  });

  it('should keep blank lines as rows and the text of an unclosed quote', () => {
    expect(parseCsv('a\n\nb')).toEqual([['a'], [''], ['b']]);
    expect(parseCsv('a,"b\nc')).toEqual([['a', 'b\nc']]);
  });

  it('should give back any grid it was written from (round trip over generated cells)', () => {
    const alphabet = ['a', 'Đ', ',', ';', '"', '\n', ' ', 'ơ', '1'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 200; round++) {
      const width = 1 + Math.floor(random() * 4);
      const grid = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        Array.from({ length: width }, () =>
          Array.from(
            { length: 1 + Math.floor(random() * 5) },
            () => alphabet[Math.floor(random() * alphabet.length)],
          ).join(''),
        ),
      );
      const text = grid
        .map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(','))
        .join('\r\n');
      expect(parseCsv(text, ',')).toEqual(grid);
    }
  });
});
