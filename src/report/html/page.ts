// The page shell every report kind shares: head, stylesheet, a heading with the run's facts, a table of contents, the
// sections, and a footer. No script, no external resource, no timestamp: the same data gives the same bytes.

import { CCSIM_VERSION } from "../version.js";
import { el, esc } from "./markup.js";
import { STYLE } from "./style.js";

export interface Section {
  readonly id: string;
  readonly title: string;
  /** markup */
  readonly body: string;
}

export interface PageSpec {
  /** run, compare, sweep, ... */
  readonly kind: string;
  readonly title: string;
  /** one line of facts under the title: seed, replications, horizon, ... */
  readonly facts: readonly string[];
  readonly sections: readonly Section[];
}

export function page(spec: PageSpec): string {
  const nav = el("nav", {}, ...spec.sections.map((s) => el("a", { href: `#${s.id}` }, esc(s.title))));
  const sections = spec.sections.map((s) => el("section", { id: s.id }, el("h2", {}, esc(s.title)), s.body));
  return (
    "<!DOCTYPE html>\n" +
    el(
      "html",
      { lang: "en" },
      el(
        "head",
        {},
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        `<meta name="generator" content="ccsim ${esc(CCSIM_VERSION)}">`,
        el("title", {}, esc(spec.title)),
        el("style", {}, STYLE),
      ),
      el(
        "body",
        { "data-report": spec.kind },
        el("header", {}, el("h1", {}, esc(spec.title)), el("p", { class: "facts" }, esc(spec.facts.join(" · "))), nav),
        el("main", {}, ...sections),
        el(
          "footer",
          {},
          el("p", { class: "facts" }, `Made by ccsim ${esc(CCSIM_VERSION)}. Means over replications with 95% Student t confidence intervals. Every chart's table is under it, and downloadable as CSV.`),
        ),
      ),
    ) +
    "\n"
  );
}
