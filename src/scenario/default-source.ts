// What a default's source is (a guide and its option, an assumption, a convention of the format) and the keys of
// DEFAULTS a source names; default-sources.ts holds every default's entry.

import { DEFAULTS } from "./defaults.js";

// Where each default comes from. The mapped type makes the compiler insist that every leaf of DEFAULTS has an entry
// and that no entry names a default that does not exist; the order of SOURCES is the table's order.

/** A guide that gives the value, by title and section, with the option name and the line quoted from it. */
export interface GuideSource {
  readonly guide: string;
  readonly section: string;
  readonly option: string;
  readonly quote: string;
}
/** No guide gives the value: why ccsim takes it. */
export interface AssumptionSource {
  readonly assumption: string;
}
/** A convention of the scenario format itself (what an absent key means), not a value of the modelled system. */
export interface FormatSource {
  readonly format: string;
}
export type DefaultSource = GuideSource | AssumptionSource | FormatSource;

export const CLUSTER = "SIP Cluster Solution Guide";
export const SKYPE = "Multimedia Connector for Skype for Business Deployment Guide";
export const ASTERISK = "SIP Server and Asterisk Integration Reference";
/** a guide's section, option and quote (the SIP Cluster Solution Guide unless another title is given) */
export const guide = (section: string, option: string, quote: string, title = CLUSTER): GuideSource => ({ guide: title, section, option, quote });
export const assumption = (why: string): AssumptionSource => ({ assumption: why });
export const format = (what: string): FormatSource => ({ format: what });

/** how a default's value is shown: a duration in seconds, or as it is */
export type DefaultUnit = "duration" | "count" | "probability" | "value";

export interface DefaultSourceEntry {
  /** the scenario key path it fills, `[]` for each element of a list */
  readonly path: string;
  readonly unit: DefaultUnit;
  readonly source: DefaultSource;
}

type Leaves<T, P extends string = ""> = {
  // a capacity rule is one value, not a group of defaults
  [K in keyof T & string]: T[K] extends readonly unknown[] | string | number | boolean | { readonly alternatives: unknown }
    ? `${P}${K}`
    : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** the path of a default inside DEFAULTS, e.g. "routing.reservation.collectionTime" */
export type DefaultKey = Leaves<typeof DEFAULTS>;

/** the value at a key of DEFAULTS */
export function defaultAt(key: DefaultKey): unknown {
  let v: unknown = DEFAULTS;
  for (const seg of key.split(".")) v = (v as Record<string, unknown>)[seg];
  return v;
}
