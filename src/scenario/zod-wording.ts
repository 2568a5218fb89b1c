// zod's issues said in ccsim's words, for the few a schema leaf's own message does not cover.
import type * as z from "zod";
import { describeValue } from "./errors.js";

type Issue = z.core.$ZodIssue;

// every schema leaf carries its own "expected ..." (or "missing ...") message; one that slipped through with zod's
// wording ("Invalid input: expected string, received number", "Too big: ...") is said again in ccsim's
const OWN_WORDING = /^(?:missing\b|expected\b)/;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "text", number: "a number", int: "a whole number", boolean: "true or false", array: "a list",
  object: "a mapping", record: "a mapping", tuple: "a list", null: "nothing",
};

export function ownWording(iss: Issue): string {
  if (OWN_WORDING.test(iss.message)) return iss.message;
  const got = iss.input === undefined ? "" : `, got ${describeValue(iss.input)}`;
  switch (iss.code) {
    case "invalid_type":
      if (iss.input === undefined) return `missing (expected ${TYPE_NAMES[iss.expected] ?? iss.expected})`;
      return `expected ${TYPE_NAMES[iss.expected] ?? iss.expected}${got}`;
    case "too_big":
      return `expected ${iss.origin === "array" ? "at most" : "<="} ${String(iss.maximum)}${iss.origin === "array" ? " items" : ""}${got}`;
    case "too_small":
      return `expected ${iss.origin === "array" ? "at least" : ">="} ${String(iss.minimum)}${iss.origin === "array" ? " items" : ""}${got}`;
    case "invalid_value":
      return `expected ${iss.values.length === 1 ? String(iss.values[0]) : `one of ${iss.values.map(String).join(", ")}`}${got}`;
    default:
      return `expected a valid value${got}`;
  }
}
