// Where the component load model's defaults come from (components.*: CPU seconds per message): no guide gives a figure,
// so each cost is an assumption that says what it starts from; SOURCES (default-sources.ts) takes them in its table order.

import { SKYPE, assumption, format, guide, type DefaultKey, type DefaultSourceEntry } from "./default-source.js";

/** an Asterisk PBX's costs: not even the Skype figure the others start from */
const GUESS = "a guess of the right order; no guide gives a figure: calibrate it (ccsim calibrate)";
const COSTS = `from "up to 6 calls per second", the Skype for Business connector's limit (${SKYPE}, Performance), not a SIP Server figure: calibrate it (ccsim calibrate)`;

type ComponentKey = Extract<DefaultKey, `components.${string}`>;

export const COMPONENT_SOURCES: { readonly [K in ComponentKey]: DefaultSourceEntry } = {
  "components.sipProxy.call": {
    path: "components.sipProxy.call",
    unit: "duration",
    source: assumption(`forwarding one INVITE: a guess of the right order; ${COSTS}`),
  },
  "components.sessionController.call": {
    path: "components.sessionController.call",
    unit: "duration",
    source: assumption(`two thirds of 1/6 s a routed call; ${COSTS}`),
  },
  "components.sessionController.routeCall": {
    path: "components.sessionController.routeCall",
    unit: "duration",
    source: assumption(`one third of 1/6 s a routed call; ${COSTS}`),
  },
  "components.sessionController.mwi": {
    path: "components.sessionController.mwi",
    unit: "duration",
    source: assumption(`one MWI SUBSCRIBE or NOTIFY, a short SIP transaction with no call behind it; ${GUESS}`),
  },
  "components.tController.event": {
    path: "components.tController.event",
    unit: "duration",
    source: assumption(`puts a node at 6 calls/s near the guide's 75% Smart Proxy threshold; ${COSTS}`),
  },
  "components.tController.peer": { path: "components.tController.peer", unit: "duration", source: assumption(`a guess of the right order; ${COSTS}`) },
  "components.tController.client": { path: "components.tController.client", unit: "duration", source: assumption(`a guess of the right order; ${COSTS}`) },
  "components.smartProxy.enabled": {
    path: "components.smartProxy",
    unit: "value",
    source: guide("Configuring the SIP Cluster Node DN", "smart-proxy-enabled", "smart-proxy-enabled\tfalse"),
  },
  "components.smartProxy.enabledWhenGiven": {
    path: "components.smartProxy.enabled",
    unit: "value",
    source: format("a Smart Proxy mapping given without enabled turns it on"),
  },
  "components.smartProxy.event": { path: "components.smartProxy.event", unit: "duration", source: assumption(`a guess of the right order; ${COSTS}`) },
  "components.smartProxy.client": { path: "components.smartProxy.client", unit: "duration", source: assumption(`a guess of the right order; ${COSTS}`) },
  "components.statServer.event": { path: "components.statServer.event", unit: "duration", source: assumption(`a guess of the right order; ${COSTS}`) },
  "components.urs.attempt": {
    path: "components.urs.attempt",
    unit: "duration",
    source: assumption(`the guide's URS pair for "two SIP Cluster nodes" at 6 calls/s each; ${COSTS}`),
  },
  "components.vqServer.reserve": { path: "components.vqServer.reserve", unit: "duration", source: assumption(`a guess of the right order; ${COSTS}`) },
  "components.interactionServer.route": {
    path: "components.interactionServer.route",
    unit: "duration",
    source: assumption(`a Session Controller's set-up cost, for want of an Interaction Server figure; ${COSTS}`),
  },
  "components.interactionServer.deliver": {
    path: "components.interactionServer.deliver",
    unit: "duration",
    source: assumption(`a Session Controller's TRouteCall cost, for want of an Interaction Server figure; ${COSTS}`),
  },
  "components.asterisk.leg": { path: "components.asterisk.leg", unit: "duration", source: assumption(`a PBX's set-up of one SIP dialog, ${GUESS}`) },
  "components.asterisk.notify": { path: "components.asterisk.notify", unit: "duration", source: assumption(`one presence NOTIFY, ${GUESS}`) },
};
