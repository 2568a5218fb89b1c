// A plain-text grid for the terminal: each column padded to its widest cell, left-aligned before `rightAlignFrom`
// and right-aligned from it on, two spaces between columns. (Its own file so that the tables that use it, the
// components table among them, need not import the result table that uses them.)

export function grid(rows: string[][], rightAlignFrom = 1): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) => r.map((x, c) => (c >= rightAlignFrom ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join("  ").trimEnd())
    .join("\n");
}
