// A plain-text grid for the terminal: each column padded to its widest cell, left-aligned before `rightAlignFrom`
// and right-aligned from it on, two spaces between columns; and folded into blocks that fit TABLE_WIDTH. (Its own file
// so that the tables that use it, the components table among them, need not import the result table that uses them.)

/** How wide a table prints by default (`--wide`: whole): a fixed width, not the terminal's, so that the same command
 *  prints the same bytes wherever it runs. */
export const TABLE_WIDTH = 120;

export function grid(rows: string[][], rightAlignFrom = 1): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) => r.map((x, c) => (c >= rightAlignFrom ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join("  ").trimEnd())
    .join("\n");
}

/**
 * The grid folded into blocks no wider than `width` (when a column allows it), one after the other with a blank line
 * between: each block repeats the first `keys` columns (what a row is) and takes as many of the others, in order, as
 * fit; as R prints a wide data frame. `width` Infinity prints one block.
 */
export function foldedGrid(rows: string[][], keys: number, width: number, rightAlignFrom = keys): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const keyWidth = widths.slice(0, keys).reduce((a, w) => a + w + 2, 0);
  const blocks: number[][] = [];
  let block: number[] = [];
  let used = keyWidth;
  for (let c = keys; c < widths.length; c++) {
    if (block.length > 0 && used + widths[c]! > width) {
      blocks.push(block);
      block = [];
      used = keyWidth;
    }
    block.push(c);
    used += widths[c]! + 2;
  }
  if (block.length > 0 || blocks.length === 0) blocks.push(block);
  const keyCols = Array.from({ length: keys }, (_, c) => c);
  return blocks
    .map((cols) => grid(rows.map((r) => [...keyCols, ...cols].map((c) => r[c] ?? "")), rightAlignFrom))
    .join("\n\n");
}
