// Markup strings for the HTML report: escaping, elements, and numbers written short and the same way every time.

export type Attrs = Readonly<Record<string, string | number | null | undefined | false>>;

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text or an attribute value, safe inside HTML and SVG. */
export const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ENTITIES[c]!);

/** A coordinate: one decimal is finer than a pixel of any screen the page meets, and keeps the bytes few and stable. */
export function px(x: number): string {
  const r = Math.round(x * 10) / 10;
  return r === 0 ? "0" : String(r);
}

function attrs(a: Attrs): string {
  let out = "";
  // for...in rather than Object.entries: no array of pairs for each of a long day's many thousand elements
  for (const k in a) {
    const v = a[k];
    if (v === null || v === undefined || v === false) continue;
    out += ` ${k}="${typeof v === "number" ? px(v) : esc(v)}"`;
  }
  return out;
}

/** An element with children (already markup). */
export const el = (name: string, a: Attrs = {}, ...children: string[]): string => `<${name}${attrs(a)}>${children.join("")}</${name}>`;

/** A bulleted list of plain sentences. */
export const textList = (items: readonly string[]): string => el("ul", {}, ...items.map((x) => el("li", {}, esc(x))));

/** An empty SVG element (`<circle .../>`), which inline SVG in HTML allows. */
export const leaf = (name: string, a: Attrs = {}): string => `<${name}${attrs(a)}/>`;
