// zod issues -> problems: each issue of a failed schema parse as a problem at its path, in our own wording, a union's
// issues narrowed to the form the value meant, and a missing key that is only misspelt reported once, at the misspelling.
import type * as z from "zod";
import { didYouMean, suggestion } from "./did-you-mean.js";
import type { Path } from "./errors.js";
import type { Problem } from "./locations.js";
import { unknownKeysInfo } from "./schema.js";
import { ownWording } from "./zod-wording.js";

type Issue = z.core.$ZodIssue;

function isRootTypeMismatch(i: Issue): boolean {
  if (i.path.length !== 0) return false;
  if (i.code === "invalid_type") return true;
  if (i.code === "invalid_union" && !("discriminator" in i && i.discriminator !== undefined)) {
    return i.errors.length > 0 && i.errors.every((b) => b.every(isRootTypeMismatch));
  }
  return false;
}

function issueProblems(iss: Issue, base: Path): Problem[] {
  const path: Path = [...base, ...iss.path.map((s) => (typeof s === "number" ? s : String(s)))];
  switch (iss.code) {
    case "unrecognized_keys": {
      const info = unknownKeysInfo(iss.message);
      const allowed = info?.allowed ?? [];
      const what = info?.what ?? "key";
      return iss.keys.map((k) => {
        const hint = suggestion(k, allowed);
        const list = hint === "" && allowed.length > 0 ? `; expected one of ${allowed.join(", ")}` : "";
        return { path: [...path, k], message: `unknown ${what}${hint}${list}`, key: true };
      });
    }
    case "invalid_key": {
      const inner = iss.issues[0];
      return [{ path, message: inner === undefined ? ownWording(iss) : ownWording(inner as Issue), key: true }];
    }
    case "invalid_union": {
      if ("discriminator" in iss && iss.discriminator !== undefined) return [{ path, message: ownWording(iss) }];
      // a union of differently-typed forms (a duration, or a {dist: ...} mapping): the form whose type matched
      // says what is wrong inside it; when none matched, the union's own message lists the forms
      const live = iss.errors.filter((b) => !b.every(isRootTypeMismatch));
      if (live.length === 1) return live[0]!.flatMap((i) => issueProblems(i, path));
      return [{ path, message: ownWording(iss) }];
    }
    default:
      return [{ path, message: ownWording(iss) }];
  }
}

/**
 * The problems of a failed parse. A required key that is missing because it is misspelt (`agentz:`) is reported once,
 * at the misspelt key's own line with its did-you-mean, not also as "agents: missing" at 1:1, which would win.
 */
export function zodProblems(issues: readonly Issue[]): Problem[] {
  const problems = issues.flatMap((i) => issueProblems(i, []));
  const unknown = problems.filter((p) => p.key === true && p.message.startsWith("unknown"));
  const misspelt = (p: Problem): boolean => {
    if (!p.message.startsWith("missing") || p.path.length === 0) return false;
    const name = String(p.path[p.path.length - 1]);
    const parent = p.path.slice(0, -1);
    return unknown.some(
      (u) =>
        u.path.length === p.path.length &&
        parent.every((seg, j) => String(seg) === String(u.path[j])) &&
        didYouMean(String(u.path[u.path.length - 1]), [name]) === name,
    );
  };
  return problems.filter((p) => !misspelt(p));
}
