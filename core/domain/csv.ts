/**
 * Reading a CSV file as spreadsheet programs write it (RFC 4180): fields separated by commas, or by
 * semicolons or tabs (Excel in a Vietnamese locale writes semicolons), quoted fields holding separators,
 * line breaks and doubled quotes, a byte-order mark at the start, CRLF or LF line ends.
 */

/** The separator of a file, guessed from its first line outside quotes: the most frequent of , ; and tab. */
export const detectCsvSeparator = (text: string): ',' | ';' | '\t' => {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  const [best] = (Object.entries(counts) as Array<[',' | ';' | '\t', number]>).sort((a, b) => b[1] - a[1]);
  return best![1] > 0 ? best![0] : ',';
};

/**
 * Splits CSV text into rows of fields. An unclosed quote runs to the end of the file (its text is kept,
 * never dropped). Blank lines are kept as rows of one empty field, so row numbers stay line numbers of
 * the records.
 *
 * @param text - the file's text (a leading byte-order mark is ignored)
 * @param separator - the field separator; guessed from the first line when not given
 * @returns the rows, each a list of fields as written (not trimmed)
 */
export const parseCsv = (text: string, separator = detectCsvSeparator(text.replace(/^\uFEFF/, ''))) => {
  const source = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
      } else {
        field += char;
      }
      index++;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
    } else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (char === '\r' && source[index + 1] === '\n') index++;
    } else {
      field += char;
    }
    index++;
  }
  if (field !== '' || row.length > 0 || quoted) {
    row.push(field);
    rows.push(row);
  }
  return rows;
};
