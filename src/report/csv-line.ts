// One CSV record written as csv-stringify writes it with its defaults (fields joined by commas; a field holding a
// comma, a double quote or a line break quoted, its quotes doubled; "\n" after every record), so that a file of many
// rows (intervals.csv) is built a line at a time, with no array of every row's cells, and the same bytes.

export type CsvCell = string | number;

const NEEDS_QUOTES = /[",\n\r]/;

function field(x: CsvCell): string {
  if (typeof x === "number") return String(x);
  return NEEDS_QUOTES.test(x) ? `"${x.replaceAll('"', '""')}"` : x;
}

/** the record's line, "\n" included (joined, so that it is one flat string, not a tree of its pieces) */
export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(field).join(",") + "\n";
}
