// `ccsim merge DIR... --out OUT`: the partial results of every shard of one study, put back together into exactly the
// output the single run would have given (same bytes), or a one-line refusal when they do not belong together.

import { planStudy } from "../experiment/plan.js";
import { studyHash } from "../experiment/study.js";
import type { ReplicationResult } from "../observe/results.js";
import { resultTemplate } from "../experiment/result-template.js";
import { partialPaths, readPartial } from "../report/partial.js";
import { checkResult } from "../report/result-check.js";
import { CCSIM_VERSION } from "../report/version.js";
import { InputError } from "../scenario/errors.js";
import { checkOutDir, checkOutFlag } from "../report/output-dir.js";
import { finishStudy, focusOf, outFiles, refuseSkypeMetricsWithoutSkype, refuseUnusedMetrics, refuseUnusedWide, type ReportOptions } from "./finish.js";

export interface MergeOptions extends ReportOptions {
  readonly metrics?: string;
}

export async function mergeCommand(args: readonly string[], opts: MergeOptions): Promise<number> {
  checkOutFlag(opts.out);
  const focus = focusOf(opts.metrics);
  const files = partialPaths(args).map((path) => ({ path, p: readPartial(path) }));
  const first = files[0]!;
  const { kind, seed, replications } = first.p.source;
  if (focus !== undefined && kind === "run") {
    throw new InputError("--metrics", undefined, "chooses the columns of a compare or sweep table; these are run partials, whose table shows every metric");
  }
  refuseUnusedMetrics(opts);
  const count = first.p.shard.count;
  const byIndex = new Map<number, string>();
  for (const { path, p } of files) {
    const fail = (detail: string) => {
      throw new InputError(path, undefined, detail);
    };
    if (p.ccsim !== CCSIM_VERSION) fail(`made by ccsim ${p.ccsim}, and this is ccsim ${CCSIM_VERSION}: merge with the version that ran the shards`);
    if (p.source.kind !== kind) fail(`a ${p.source.kind} partial, but ${first.path} is a ${kind} partial`);
    if (p.source.seed !== seed) fail(`seed ${p.source.seed}, but ${first.path} has seed ${seed}`);
    if (p.source.replications !== replications) fail(`${p.source.replications} replications, but ${first.path} has ${replications}`);
    if (p.shard.count !== count) fail(`shard ${p.shard.index}/${p.shard.count}, but ${first.path} is one of ${count} shards`);
    if (p.hash !== first.p.hash) fail(`another study than ${first.path} (a different scenario, --set or --vary)`);
    const again = byIndex.get(p.shard.index);
    if (again !== undefined) fail(`shard ${p.shard.index}/${count} again (also in ${again})`);
    byIndex.set(p.shard.index, path);
  }
  // the count comes from a file: name the first few missing shards without listing (or allocating) all of them
  const absent = count - byIndex.size;
  if (absent > 0) {
    const missing: number[] = [];
    for (let i = 1; missing.length < Math.min(absent, 5); i++) if (!byIndex.has(i)) missing.push(i);
    const more = absent > missing.length ? `, ... (${absent} in all)` : "";
    throw new InputError("ccsim merge", undefined, `missing shard${absent > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")}${more}`);
  }

  const plan = planStudy(first.p.source);
  const { study } = plan;
  refuseUnusedWide(opts, study.kind);
  // merge replaces only its own files, as --force does: the partials' folder is a fine place for the merged output
  if (opts.out !== undefined) checkOutDir(opts.out, outFiles(study.kind), true);
  if (studyHash(study) !== first.p.hash) {
    throw new InputError(first.path, undefined, "its scenario no longer gives the study its hash names (edited by hand, or made by another build)");
  }
  refuseSkypeMetricsWithoutSkype(focus, study.points.map((p) => p.scenario));
  const templates = study.points.map((point) => resultTemplate(point.scenario));
  const slots: (ReplicationResult | undefined)[] = new Array(study.points.length * study.replications).fill(undefined);
  for (const { path, p } of files) {
    for (const [i, r] of p.results.entries()) {
      const k = r.point * study.replications + r.replication;
      const ok =
        Number.isInteger(r.point) && Number.isInteger(r.replication) && r.point >= 0 && r.point < study.points.length &&
        r.replication >= 0 && r.replication < study.replications && k % count === p.shard.index - 1 && slots[k] === undefined;
      if (!ok) throw new InputError(path, `results[${i}]`, `a result that is not shard ${p.shard.index}/${count}'s (point ${r.point}, replication ${r.replication})`);
      checkResult(path, ["results", i, "result"], r.result, templates[r.point]!);
      slots[k] = r.result;
    }
  }
  const hole = slots.findIndex((r) => r === undefined);
  if (hole >= 0) {
    throw new InputError(byIndex.get((hole % count) + 1)!, undefined, `lacks the result of point ${Math.floor(hole / study.replications)}, replication ${hole % study.replications}`);
  }
  return finishStudy(plan, slots as ReplicationResult[], { ...opts, focus });
}
