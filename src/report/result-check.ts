// Checks one replication result a partial file brings against the shape its scenario gives (result-template.ts):
// the same fields, slices, intervals and components, counts that are whole and not negative, finite numbers only.

import { describeValue, formatPath, InputError, type PathSegment } from "../scenario/errors.js";
import type { ReplicationResult } from "../observe/results.js";

/** The fields that count something (calls, requests, events, agents): whole numbers from 0. Not unfinished: it is a
 *  difference (a group's and a URS's slices, which see no arrivals, leave it out). */
const COUNTS = new Set([
  "events", "offered", "answered", "abandoned", "defaultRouted", "defaultTreated", "defaultExternal", "defaultAnswered",
  "defaultAbandoned", "dropped", "cutOff", "lostRequests",
  "oosFailures", "reservationRequests", "reservationGrants", "reservationConflicts", "routingAttempts", "routingFailures",
  "noAnswers", "imMessages", "inbound", "outbound", "waitedDuringPrivate",
  "peakRegisteredAgents", "peakSimultaneousCalls", "peakConferencesInUse", "lowestReadyConferences", "conferencesCreated", "conferenceWaits", "imEscalations",
  "ringOuts", "noAnswerNotReady", "noAnswerLogouts",
  "messagesLeft", "voicemailHangups", "messagesHandled", "messageBacklog", "mwiSubscriptions", "mwiRefreshes", "mwiEnds",
  "mwiNotifies", "mwiPeakSubscriptions",
]);
/** Fields whose value the scenario alone decides (an interval's bounds, its site and type, a component's name):
 *  they must be the template's exactly, or the result belongs to another scenario. */
const FIXED = new Set(["start", "end", "site", "type", "id", "kind", "scope"]);

/** Largest magnitude a result's number may have: sums and squares of it over replications stay finite and exact
 *  enough; no count, time in seconds or ratio of a run comes near it. */
const LARGEST = Number.MAX_SAFE_INTEGER;

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (v === null) return "null";
  return typeof v === "object" ? "a mapping" : typeof v === "number" ? "a number" : typeof v === "string" ? "a string" : typeof v;
}

/**
 * Throws the first place `actual` leaves the template's shape, as `file: results[k].result.<path>: ...`.
 * `countsIn` says whether the map being walked holds counts by name (agentsPerNode: every value is one).
 */
export function checkResult(file: string, at: readonly PathSegment[], actual: unknown, template: ReplicationResult): void {
  // the one optional field: present only when the drain limit stopped the replication (experiment/drain.ts), so no
  // template made before the run can carry it
  if (actual !== null && typeof actual === "object" && !Array.isArray(actual) && Object.hasOwn(actual, "cutAtDrainLimit")) {
    const { cutAtDrainLimit, ...rest } = actual as Record<string, unknown>;
    walk(file, [...at, "cutAtDrainLimit"], cutAtDrainLimit, 0, true);
    if (cutAtDrainLimit === 0) throw new InputError(file, formatPath([...at, "cutAtDrainLimit"]), "expected a count from 1 (it is written only when calls were cut), got 0");
    walk(file, [...at], rest, template, false);
    return;
  }
  walk(file, [...at], actual, template, false);
}

function walk(file: string, path: PathSegment[], actual: unknown, template: unknown, allCounts: boolean): void {
  const fail = (detail: string): never => {
    throw new InputError(file, formatPath(path), detail);
  };
  const key = path[path.length - 1];
  if (typeof template === "number") {
    if (typeof actual !== "number") fail(`expected a number, got ${describeValue(actual)}`);
    const x = actual as number;
    if (!Number.isFinite(x)) fail(`expected a finite number, got ${x}`);
    if (typeof key === "string" && FIXED.has(key) && !Object.is(x, template)) fail(`expected ${template} (what the scenario gives), got ${x}`);
    if ((allCounts || (typeof key === "string" && COUNTS.has(key))) && !(Number.isSafeInteger(x) && x >= 0)) {
      fail(`expected a count (a whole number from 0), got ${x}`);
    }
    if (Math.abs(x) > LARGEST) fail(`expected a number of magnitude at most ${LARGEST}, got ${x}`);
    return;
  }
  if (typeof template === "string") {
    if (typeof actual !== "string") fail(`expected a string, got ${describeValue(actual)}`);
    if (actual !== template) fail(`expected ${JSON.stringify(template)} (what the scenario gives), got ${describeValue(actual)}`);
    return;
  }
  if (typeof template === "boolean") {
    if (typeof actual !== "boolean") fail(`expected true or false, got ${describeValue(actual)}`);
    return;
  }
  if (Array.isArray(template)) {
    if (!Array.isArray(actual)) fail(`expected a list, got ${describeValue(actual)}`);
    const list = actual as unknown[];
    if (list.length !== template.length) fail(`expected a list of ${template.length} (what the scenario gives), got ${describeValue(list)}`);
    template.forEach((t, i) => walk(file, [...path, i], list[i], t, false));
    return;
  }
  if (template !== null && typeof template === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) fail(`expected a mapping, got ${describeValue(actual)}`);
    const map = actual as Record<string, unknown>;
    const keys = Object.keys(template);
    for (const k of Object.keys(map)) {
      if (!Object.hasOwn(template, k)) {
        path.push(k);
        fail(`not a field of this scenario's results (expected ${keys.length === 0 ? "none" : keys.slice(0, 5).join(", ") + (keys.length > 5 ? ", ..." : "")})`);
      }
    }
    for (const k of keys) {
      const sub = [...path, k];
      if (!Object.hasOwn(map, k)) {
        throw new InputError(file, formatPath(sub), `expected ${kindOf((template as Record<string, unknown>)[k])}, got nothing (the field is missing)`);
      }
      walk(file, sub, map[k], (template as Record<string, unknown>)[k], key === "agentsPerNode");
    }
    return;
  }
  fail(`expected nothing here, got ${describeValue(actual)}`);
}
