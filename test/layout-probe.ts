// What a reader would call a drawing defect, measured in the browser from bounding boxes: text over text in a chart,
// text cut off at the chart's edge, a target label drawn over the series, a negative tick on an axis of a metric that
// cannot be negative, a table cut off on the right.

import type { Page } from "playwright-core";

/** Each defect on the page, as one line naming the chart (its figure's id) and the texts involved. */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    // half a pixel: boxes that only touch are fine
    const EPS = 0.5;
    type Box = { x: number; y: number; w: number; h: number };
    const box = (e: Element): Box => {
      const r = e.getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    };
    const meet = (a: Box, b: Box) =>
      a.x + a.w - EPS > b.x && b.x + b.w - EPS > a.x && a.y + a.h - EPS > b.y && b.y + b.h - EPS > a.y;
    const inside = (a: Box, o: Box) => a.x >= o.x - EPS && a.y >= o.y - EPS && a.x + a.w <= o.x + o.w + EPS && a.y + a.h <= o.y + o.h + EPS;
    const svgs = [...document.querySelectorAll("svg.plot")];
    svgs.forEach((svg, n) => {
      const name = svg.closest("figure")?.id || svg.closest("section")?.id || `svg ${n + 1}`;
      const frame = box(svg);
      const texts = [...svg.querySelectorAll("text")].filter((t) => (t.textContent ?? "").trim() !== "");
      const boxes = texts.map(box);
      texts.forEach((t, i) => {
        if (!inside(boxes[i]!, frame)) out.push(`${name}: "${t.textContent}" reaches outside its chart`);
        for (let j = i + 1; j < texts.length; j++) {
          if (meet(boxes[i]!, boxes[j]!)) out.push(`${name}: "${t.textContent}" overlaps "${texts[j]!.textContent}"`);
        }
      });
      // a label of a reference line (a target) must leave the series it is read against visible
      for (const label of svg.querySelectorAll(".reference text")) {
        const b = box(label);
        const hit = [...svg.querySelectorAll(".series .dot, .series .bar")].some((m) => meet(b, box(m)));
        const paths = [...svg.querySelectorAll<SVGPathElement>(".series path.line")];
        const crossed = paths.some((p) => {
          const len = p.getTotalLength();
          const ctm = p.getScreenCTM()!;
          for (let s = 0; s <= len; s += 2) {
            const q = p.getPointAtLength(s).matrixTransform(ctm);
            if (q.x > b.x && q.x < b.x + b.w && q.y > b.y && q.y < b.y + b.h) return true;
          }
          return false;
        });
        // a confidence band is an area: the label must not sit inside it either
        const bands = [...svg.querySelectorAll<SVGPathElement>(".series path.band")];
        const covered = bands.some((p) => {
          const inv = p.getScreenCTM()!.inverse();
          for (let i = 0; i <= 4; i++) {
            for (let j = 0; j <= 2; j++) {
              const q = new DOMPoint(b.x + (b.w * i) / 4, b.y + (b.h * j) / 2).matrixTransform(inv);
              if (p.isPointInFill(q)) return true;
            }
          }
          return false;
        });
        if (hit || crossed || covered) out.push(`${name}: the label "${label.textContent}" is drawn over the series`);
      }
      // counts, times and shares cannot be negative: only a chart of differences may reach below 0
      if (svg.closest("[data-signed]") === null) {
        for (const t of svg.querySelectorAll(".axis .tick text")) {
          if (/^[-\u2212]\d/.test((t.textContent ?? "").trim())) out.push(`${name}: negative tick "${t.textContent}"`);
        }
      }
    });
    // a table wider than its box must sit in a box that scrolls, or its right part is lost (the collapsed tables
    // too: a reader opens them)
    for (const d of document.querySelectorAll("details")) d.open = true;
    for (const table of document.querySelectorAll("table")) {
      const parent = table.parentElement!;
      const r = table.getBoundingClientRect();
      const p = parent.getBoundingClientRect();
      const scrolls = ["auto", "scroll"].includes(getComputedStyle(parent).overflowX);
      if (r.right > p.right + EPS && !scrolls) {
        out.push(`table in ${parent.closest("[id]")?.id ?? "page"}: ${Math.round(r.right - p.right)} px cut off on the right`);
      }
    }
    return out;
  });
}
