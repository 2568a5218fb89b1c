// The schema of the deployment: sites (data centers), network delays, high availability timings, routing architecture.
import * as z from "zod";
import { DEFAULTS as D } from "../defaults.js";
import { describeValue } from "../errors.js";
import { suggestion } from "../did-you-mean.js";
import { SITE_ID_PATTERN, durationSchema, positiveDurationSchema, expected, num, obj, oneOf, pattern, shown, whole } from "./builders.js";
import { Distribution } from "./distribution.js";
import { Skype } from "./skype.js";

export const Site = obj(
  {
    id: pattern(SITE_ID_PATTERN, "a site id (letters, digits, _ and -)", "site id (the geo-location), e.g. dc1"),
    nodes: whole(1, `SIP Cluster nodes in this site, named <site>.n1 .. <site>.n<nodes> (default ${D.site.nodes})`).optional(),
    vq: obj(
      { priority: num(`agent_reservation priority of this site's VQ SIP Server: higher wins (default ${D.site.vqPriority})`).optional() },
      "a {priority: ...} mapping",
      "the site's VQ SIP Server",
    ).optional(),
    failover: pattern(SITE_ID_PATTERN, "a site id", "site-down: the site the carrier sends this site's inbound calls to (default: none, they are lost)").optional(),
    gwsNode: whole(1, `the node (1 .. nodes: <site>.n<gwsNode>) the site's GWS connects to, which owns the DNs of its PSTN agents (default ${D.site.gwsNode}: the first)`).optional(),
    pbx: oneOf(["asterisk", "none"], "asterisk: the site's agent phones register on an Asterisk PBX, which brings its inbound calls to SIP Server (topology standalone); none (the default): the phones register on SIP Server, so that a compare can --vary it").optional(),
    skype: Skype.optional(),
    mediaPorts: obj(
      { capacity: whole(1, "media ports: announcements, digit collections and recordings Asterisk can serve at once") },
      "a {capacity: N} mapping",
      "Asterisk as the site's media server (topology standalone): its pool of media ports (default: none)",
    ).optional(),
    mwi: obj(
      {
        extensionEnable: z.boolean({ error: expected("true or false") }).optional()
          .meta({ description: `mwi-extension-enable: SIP Server subscribes to every extension's box at start-up (default ${D.mwi.extensionEnable})` }),
        expires: durationSchema(`the Expires a SUBSCRIBE asks for (default ${shown(D.mwi.expires)})`).optional(),
        refreshBefore: durationSchema(`how long before it expires a subscription is refreshed (default ${shown(D.mwi.refreshBefore)})`).optional(),
      },
      "an {extensionEnable, expires, refreshBefore} mapping",
      "pbx asterisk: SIP Server's MWI subscriptions to the voicemail boxes",
    ).optional(),
  },
  "a site mapping {id, nodes, vq, failover, gwsNode, pbx, skype, mediaPorts, mwi}",
  "a data center",
);

export const Network = obj(
  {
    intraSite: durationSchema(`one-way delay between two nodes of one site (default ${shown(D.network.intraSite)})`).optional(),
    interSite: durationSchema(`one-way delay between two sites (default ${shown(D.network.interSite)})`).optional(),
    statDelay: durationSchema(`Stat Server processing delay on every state change (default ${shown(D.network.statDelay)})`).optional(),
    presenceDelay: durationSchema(`an Asterisk site: from an endpoint's change to its NOTIFY reaching SIP Server (default ${shown(D.network.presenceDelay)})`).optional(),
  },
  "a {intraSite, interSite, statDelay, presenceDelay} mapping",
  "network delays",
);

export const Ha = obj(
  {
    addpTimeout: positiveDurationSchema(`ADDP timeout: node-down, after which the hot-standby backup takes over; a lost GWS node, after which GWS notices its connection is gone (default ${shown(D.ha.addpTimeout)})`).optional(),
    proxyCheck: positiveDurationSchema(`[sipproxy] oos-check: how often SIP Proxies check each SIP Server (default ${shown(D.ha.proxyCheck)})`).optional(),
    proxyForce: durationSchema(`[sipproxy] oos-force: SIP Proxies take a SIP Server out of rotation this long after an unanswered check (default ${shown(D.ha.proxyForce)})`).optional(),
    proxyDetection: durationSchema("a fixed time SIP Proxies keep sending calls to a failed node, replacing the proxyCheck/proxyForce cycle (default none)").optional(),
    tcReconnectTimeout: durationSchema(`tc-reconnect-timeout: a node declares a disconnected node's DNs out of service after this (default ${shown(D.ha.tcReconnectTimeout)}: at once)`).optional(),
    registrationRefresh: positiveDurationSchema(`registrar-default-timeout: phones refresh their registration this often, so each phone of a lost node registers elsewhere at its own next refresh, spread over this (default ${shown(D.ha.registrationRefresh)})`).optional(),
    registrationDelay: durationSchema("a fixed time after which every phone of a lost node registers elsewhere, replacing the registrationRefresh spread (default none)").optional(),
    agentStateAutoRestore: z.boolean({ error: expected("true or false") }).optional()
      .meta({ description: `agent-state-auto-restore: agents keep their state when DN ownership moves (default ${D.ha.agentStateAutoRestore}: logged out)` }),
    loginDelay: durationSchema(`how long an agent logged out by a DN ownership change takes to log in again (default ${shown(D.ha.loginDelay)})`).optional(),
    gwsMoveWait: durationSchema(`how long SIP Server waits before it moves a PSTN agent's DN to a node of another data center GWS reconnected to (default ${shown(D.ha.gwsMoveWait)})`).optional(),
    requestTimeout: positiveDurationSchema(`how long URS waits for a TReserveAgent reply lost with a VQ SIP Server before retrying (default ${shown(D.ha.requestTimeout)})`).optional(),
    regDnsChunkDelay: durationSchema(`[statserver] reg-dns-chunk-delay: a routing Stat Server back from statserver-down registers its DNs again in chunks this far apart (default ${shown(D.ha.regDnsChunkDelay)})`).optional(),
    regDnsChunkVolume: whole(1, `[statserver] reg-dns-chunk-volume: the DNs one registration chunk holds (default ${D.ha.regDnsChunkVolume})`).optional(),
  },
  "an ha mapping {addpTimeout, proxyCheck, proxyForce, proxyDetection, tcReconnectTimeout, registrationRefresh, registrationDelay, agentStateAutoRestore, loginDelay, gwsMoveWait, requestTimeout, regDnsChunkDelay, regDnsChunkVolume}",
  "high availability and recovery timings",
);

// default-dn, as the guide offers it (SIP Cluster Solution Guide, Default routing in SIP Cluster): no DN (reject), an
// external number, a Routing Point with a default strategy, or a Trunk Group DN that plays a treatment
const DEFAULT_DN_WORDS = ["reject", "external"] as const;
const DEFAULT_ROUTE_EXPECTED = 'reject, external, {routingPoint: {target: "<skill expression>"}} or {trunkGroup: {treatment: <duration or distribution>}}';

const DefaultRoute = z
  .union(
    [
      // a word, or a mapping: a mapping's own problems are told inside it (a string first, so that a mapping is no
      // word's to explain)
      z.string({ error: expected(DEFAULT_ROUTE_EXPECTED) }).pipe(
        z.enum(DEFAULT_DN_WORDS, {
          error: (iss) => `expected ${DEFAULT_ROUTE_EXPECTED}, got ${describeValue(iss.input)}` + suggestion(String(iss.input), DEFAULT_DN_WORDS),
        }),
      ),
      obj(
        {
          routingPoint: obj(
            {
              target: z.string({ error: expected('a skill expression like "sales | service"') })
                .meta({ description: "the default strategy's target skill expression, as a traffic type's target" }),
            },
            "a {target} mapping",
            "a Routing Point DN: URS runs its default strategy on the call, routing it to this target",
          ).optional(),
          trunkGroup: obj(
            { treatment: Distribution.meta({ description: "how long the treatment plays before the call is released" }) },
            "a {treatment} mapping",
            "a Trunk Group DN: the caller hears a treatment, then the call ends",
          ).optional(),
        },
        "a {routingPoint: ...} or {trunkGroup: ...} mapping",
        "the default DN's kind: give routingPoint or trunkGroup",
      ),
    ],
    { error: expected(DEFAULT_ROUTE_EXPECTED) },
  )
  .meta({
    description:
      `default-dn: where SIP Server sends a call no URS routed within routerTimeout: ${DEFAULT_ROUTE_EXPECTED} ` +
      `(default ${D.routing.defaultRoute}: released, counted defaultRouted)`,
  });

export const Routing = obj(
  {
    mode: oneOf(["node-based", "centralized", "grouped"], `one URS pair per node, per site, or per nodesPerUrs nodes (default ${D.routing.mode})`).optional(),
    nodesPerUrs: whole(1, "grouped mode only: nodes served by one URS pair").optional(),
    environment: oneOf(["none", "sitex"], `sitex: reserve through the VQ SIP Server of the agent's site (default ${D.routing.environment})`).optional(),
    selection: oneOf(["longest-idle", "random", "most-skilled", "round-robin"], `how URS picks among available candidates (default ${D.routing.selection})`).optional(),
    reservation: obj(
      {
        mode: oneOf(["explicit", "implicit", "none"], `explicit: TReserveAgent through a VQ SIP Server (default ${D.routing.reservation.mode})`).optional(),
        collectionTime: durationSchema(`request-collection-time of the VQ SIP Server (default ${shown(D.routing.reservation.collectionTime)})`).optional(),
        reservationTime: positiveDurationSchema(`reservation-time: how long a grant holds the agent (default ${shown(D.routing.reservation.reservationTime)})`).optional(),
      },
      "a {mode, collectionTime, reservationTime} mapping",
      "agent reservation",
    ).optional(),
    routerTimeout: positiveDurationSchema(`router-timeout: SIP Server default-routes a call URS has not routed by then (default ${shown(D.routing.routerTimeout)})`).optional(),
    strategyTime: durationSchema(`URS strategy processing time per routing attempt (default ${shown(D.routing.strategyTime)})`).optional(),
    proxy: oneOf(["round-robin", "least-loaded"], `how SIP Proxies spread a site's calls over its nodes (default ${D.routing.proxy})`).optional(),
    defaultRoute: DefaultRoute.optional(),
    ursBackup: oneOf(["same-node", "other-node"], `where each URS pair's backup runs: same-node, on its node's other host (the pair is lost with the node); other-node, on the next node of its site (it switches over) (default ${D.routing.ursBackup})`).optional(),
  },
  "a routing mapping",
  "routing architecture and URS options",
);
