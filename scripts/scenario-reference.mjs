// Writes docs/scenario-reference.md, every key of the scenario format, from the JSON Schema `ccsim schema` prints
// (run `npm run build` first); test/scenario-reference.test.ts fails when the committed page and this script differ.
// `--stdout` prints the page instead; `--schema FILE` reads that schema instead of running ccsim.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const FILE = join(ROOT, "docs", "scenario-reference.md");
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

// The schema's descriptions end with the form of a duration or a rate; the type column says it once per row instead.
const FORM_HINT = / \(a (?:duration|rate) like [^()]*\)$/;
// "(default 1)", "(default: none, they are lost)", "(topology standalone; default: none, ...)", "default true when
// ...": the default's text, up to the parenthesis that closes it, and the description without it.
function splitDefault(description) {
  if (description.startsWith("default ")) return { text: "", dflt: description.slice("default ".length) };
  const own = description.search(/\(default\b/);
  const inner = description.search(/; default\b/);
  const at = own >= 0 ? own : inner;
  if (at < 0) return { text: description, dflt: "" };
  let depth = own >= 0 ? 0 : 1;
  for (let i = at; i < description.length; i++) {
    if (description[i] === "(") depth++;
    else if (description[i] === ")" && --depth === 0) {
      const dflt = description.slice(at + (own >= 0 ? "(default" : "; default").length, i).replace(/^:?\s*/, "");
      const rest = own >= 0 ? description.slice(i + 1) : description.slice(i);
      return { text: `${description.slice(0, at)}${rest}`.replace(/\s+/g, " ").trim(), dflt };
    }
  }
  return { text: description, dflt: "" };
}

const isDurationLike = (n) =>
  Array.isArray(n.anyOf) && n.anyOf.length === 2 && n.anyOf[0].type === "number" && n.anyOf[1].type === "string" && n.anyOf[1].pattern;
const isRate = (n) => isDurationLike(n) && n.anyOf[1].pattern.includes("sec|second");
const isDistribution = (n) =>
  Array.isArray(n.anyOf) && n.anyOf.length === 2 && isDurationLike(n.anyOf[0]) && Array.isArray(n.anyOf[1].oneOf) &&
  n.anyOf[1].oneOf.every((o) => o.properties?.dist?.const !== undefined);
const code = (v) => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``;

function bounds(n) {
  const b = [];
  if (n.minimum !== undefined) b.push(`>= ${n.minimum}`);
  if (n.exclusiveMinimum !== undefined) b.push(`> ${n.exclusiveMinimum}`);
  if (n.maximum !== undefined && n.maximum !== MAX_SAFE) b.push(`<= ${n.maximum}`);
  if (n.exclusiveMaximum !== undefined) b.push(`< ${n.exclusiveMaximum}`);
  return b.length ? ` ${b.join(", ")}` : "";
}

/** A one-line type: what a value at this key may be. Object and list members get rows of their own. */
function typeOf(n) {
  if (isRate(n)) return "rate";
  if (isDistribution(n)) return "distribution";
  if (isDurationLike(n)) return "duration";
  if (n.const !== undefined) return code(n.const);
  if (n.enum) return n.enum.map(code).join(", ");
  const alts = n.anyOf ?? n.oneOf;
  if (alts) return [...new Set(alts.map(typeOf))].join(" or ");
  switch (n.type) {
    case "integer":
    case "number":
      return `${n.type}${bounds(n)}`;
    case "string":
      return n.pattern ? `string matching ${code(n.pattern)}` : n.minLength ? "non-empty string" : "string";
    case "boolean":
      return "boolean";
    case "array": {
      const size = n.minItems === n.maxItems && n.minItems !== undefined ? `, exactly ${n.minItems}` : n.minItems ? `, ${n.minItems} or more` : "";
      if (Array.isArray(n.items)) return `list [${n.items.map(typeOf).join(", ")}]`;
      return `list of ${n.items ? typeOf(n.items) : "values"}${size}`;
    }
    case "object":
      if (n.additionalProperties && typeof n.additionalProperties === "object") return `map: name -> ${typeOf(n.additionalProperties)}`;
      return "mapping";
    default:
      return "any";
  }
}

/** Every key path under `n`, depth first in the schema's own order; one row per path, alternatives merged. */
function collect(n, path, required, rows) {
  const add = () => {
    const { text, dflt } = splitDefault((n.description ?? "").replace(FORM_HINT, ""));
    const row = rows.get(path);
    const type = typeOf(n);
    if (!row) rows.set(path, { type, dflt, required, text: text ? [text] : [] });
    else {
      // the same key in several alternatives (each fault kind, each default route): one row naming them all
      if (!row.type.split(" or ").includes(type)) row.type = `${row.type} or ${type}`;
      if (!row.dflt) row.dflt = dflt;
      row.required = row.required && required;
      if (text && !row.text.includes(text)) row.text.push(text);
    }
  };
  if (path) add();
  if (isDistribution(n) || isDurationLike(n)) return;
  for (const alt of n.anyOf ?? n.oneOf ?? []) {
    if (alt.type === "object" || alt.type === "array") collect({ ...alt, description: undefined }, path, required, rows);
  }
  if (n.type === "object") {
    for (const [key, child] of Object.entries(n.properties ?? {})) {
      if (key === "$schema" && path === "") continue;
      collect(child, path ? `${path}.${key}` : key, (n.required ?? []).includes(key), rows);
    }
    if (n.additionalProperties && typeof n.additionalProperties === "object") {
      collectMembers(n.additionalProperties, `${path}.<name>`, rows);
    }
  }
  if (n.type === "array" && n.items && !Array.isArray(n.items)) collectMembers(n.items, `${path}[]`, rows);
}

// A list's items and a map's values are rows only when they have members of their own.
function collectMembers(n, path, rows) {
  const structured = (m) => m.type === "object" || m.type === "array" || (m.anyOf ?? m.oneOf ?? []).some(structured);
  if (structured(n) && !isDistribution(n)) {
    for (const [key, child] of Object.entries(n.properties ?? {})) collect(child, `${path}.${key}`, (n.required ?? []).includes(key), rows);
    for (const alt of n.anyOf ?? n.oneOf ?? []) if (alt.type === "object") collectMembers(alt, path, rows);
    if (n.type === "array" && n.items && !Array.isArray(n.items)) collectMembers(n.items, `${path}[]`, rows);
    if (n.additionalProperties && typeof n.additionalProperties === "object") collectMembers(n.additionalProperties, `${path}.<name>`, rows);
  }
}

function firstDistribution(n) {
  if (!n || typeof n !== "object") return undefined;
  if (isDistribution(n)) return n;
  for (const v of Object.values(n)) {
    const d = firstDistribution(v);
    if (d) return d;
  }
  return undefined;
}

const cell = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The page, from a draft-07 JSON Schema of the scenario format. */
export function referenceOf(schema) {
  const rows = new Map();
  collect(schema, "", false, rows);
  const out = [
    "# Scenario reference",
    "",
    "<!-- generated by scripts/scenario-reference.mjs from `ccsim schema`: do not edit by hand -->",
    "",
    "Every key of the scenario format (version 1), in the schema's order: its type or allowed values, its default as the",
    "schema's description gives it, and the description. `a[]` is each element of list `a`, `a.<name>` each entry of",
    "map `a`. A duration is `300ms`, `12s`, `5m`, `8h`, `1h30m` or a number of seconds; a rate `20/s`, `20/min`,",
    "`200/h` (also `/sec`, `/hour`, `/day`) or a number per second; a distribution a duration (a constant) or one of",
    "the forms at the end. [scenario-format.md](scenario-format.md) explains the format with examples, and",
    "[defaults.md](defaults.md) where each default comes from.",
  ];
  // keys without members of their own share one table; each key with members has its own
  const tops = new Set([...rows.keys()].filter((p) => /[.[]/.test(p)).map((p) => p.split(/[.[]/)[0]));
  let section;
  for (const [path, r] of rows) {
    const top = path.split(/[.[]/)[0];
    const title = tops.has(top) ? top : "The top level";
    if (title !== section) {
      section = title;
      out.push("", `## ${title}`, "", "| key | type | default | description |", "|---|---|---|---|");
    }
    const dflt = r.dflt || (r.required ? "required" : "");
    out.push(`| \`${path}\` | ${cell(r.type)} | ${cell(dflt)} | ${cell(r.text.join("; "))} |`);
  }
  const dist = firstDistribution(schema);
  if (dist) {
    out.push("", "## Distributions", "", "| dist | parameters | what it draws |", "|---|---|---|");
    for (const form of dist.anyOf[1].oneOf) {
      const params = Object.entries(form.properties)
        .filter(([k]) => k !== "dist")
        .map(([k, p]) => `\`${k}\`${(form.required ?? []).includes(k) ? "" : " (optional)"}: ${typeOf(p)}, ${(p.description ?? "").replace(FORM_HINT, "")}`);
      out.push(`| \`${form.properties.dist.const}\` | ${cell(params.join("; "))} | ${cell(form.description ?? "")} |`);
    }
  }
  return `${out.join("\n")}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf("--schema");
  const text = at > 0 ? readFileSync(process.argv[at + 1], "utf8") : execFileSync(process.execPath, [join(ROOT, "bin", "ccsim.js"), "schema"], { encoding: "utf8" });
  const page = referenceOf(JSON.parse(text));
  if (process.argv.includes("--stdout")) process.stdout.write(page);
  else writeFileSync(FILE, page);
}
