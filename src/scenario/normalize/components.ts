// The component load model's CPU costs (components:), each defaulted separately.
import type { ComponentsSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { optDur, type NormalizeContext } from "./context.js";

export function normalizeComponents(ctx: NormalizeContext): ComponentsSpec {
  const r = ctx.raw.components ?? {};
  const d = DEFAULTS.components;
  const cost = <K extends keyof typeof d>(kind: K, key: string, given: Readonly<Record<string, unknown>> | undefined): number =>
    optDur(ctx, given?.[key], ["components", kind, key], (d[kind] as Readonly<Record<string, number>>)[key]!);
  const sp = r.smartProxy;
  const spGiven = typeof sp === "object" ? sp : undefined;
  return {
    sipProxy: { call: cost("sipProxy", "call", r.sipProxy) },
    sessionController: {
      call: cost("sessionController", "call", r.sessionController),
      routeCall: cost("sessionController", "routeCall", r.sessionController),
      mwi: cost("sessionController", "mwi", r.sessionController),
    },
    tController: {
      event: cost("tController", "event", r.tController),
      peer: cost("tController", "peer", r.tController),
      client: cost("tController", "client", r.tController),
    },
    smartProxy: {
      enabled: typeof sp === "boolean" ? sp : sp === undefined ? d.smartProxy.enabled : (sp.enabled ?? d.smartProxy.enabledWhenGiven),
      event: cost("smartProxy", "event", spGiven),
      client: cost("smartProxy", "client", spGiven),
    },
    statServer: { event: cost("statServer", "event", r.statServer) },
    urs: { attempt: cost("urs", "attempt", r.urs) },
    vqServer: { reserve: cost("vqServer", "reserve", r.vqServer) },
    interactionServer: {
      route: cost("interactionServer", "route", r.interactionServer),
      deliver: cost("interactionServer", "deliver", r.interactionServer),
    },
    asterisk: { leg: cost("asterisk", "leg", r.asterisk), notify: cost("asterisk", "notify", r.asterisk) },
  };
}
