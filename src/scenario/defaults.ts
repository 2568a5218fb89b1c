// Every default of the scenario format, in one table: the normalizers fill absent keys from it and the schema's
// "(default ...)" texts are rendered from it (shown() in schema/builders.ts), so the documentation cannot drift from the
// behaviour. SOURCES (default-sources.ts) says where each value comes from: a Genesys guide (title, section, option name and the line
// quoted), an assumption (with why), or a convention of the format; `ccsim defaults` prints that table and
// docs/defaults.md keeps it. Durations are in seconds.

export const DEFAULTS = {
  /** a scenario given as text has no file name to take its name from */
  name: "scenario",
  /** assumption: any fixed seed makes runs reproducible; 1 is the first */
  seed: 1,
  /** assumption: enough replications for a confidence interval of a few percent on a day's service level */
  replications: 10,
  /** assumption: one working day */
  horizon: 8 * 3600,
  warmup: 0,
  /** assumption: quarter-hour intervals, as workforce planning uses */
  interval: 15 * 60,
  /** assumption: the common "80% within 20 seconds" objective */
  serviceLevel: 20,
  /** SIP Cluster Solution Guide: the deployment ccsim models first */
  topology: "cluster",
  /** assumption: one-way delays of a LAN, a WAN between data centers, and a Stat Server's processing */
  network: { intraSite: 0.001, interSite: 0.04, statDelay: 0.005, presenceDelay: 0.2 },
  routing: {
    /** assumption: one URS pair per node, the simplest of the SIP Cluster Solution Guide's routing architectures */
    mode: "node-based",
    /** the nodes per URS pair when mode is not grouped (grouped needs nodesPerUrs given) */
    nodesPerUrs: 1,
    environment: "none",
    /** assumption: URS picks the longest-idle of the available agents */
    selection: "longest-idle",
    /**
     * SIP Cluster Solution Guide, Agent Reservation: explicit TReserveAgent through a VQ SIP Server; the options
     * request-collection-time and reservation-time
     */
    reservation: { mode: "explicit", collectionTime: 0.3, reservationTime: 10 },
    /** option router-timeout */
    routerTimeout: 10,
    /** assumption: URS strategy processing is not modelled unless measured */
    strategyTime: 0,
    /** assumption: SIP Proxies spread calls over a site's nodes in turn */
    proxy: "round-robin",
    /** option default-dn: a call nobody routed is released (counted defaultRouted); the others: DEFAULT_DN_SOURCES */
    defaultRoute: "reject",
    /**
     * SIP Cluster Solution Guide, What is a SIP Cluster Node: "A SIP Cluster node instance is a set of components
     * running on a computer host. An HA pair of SIP Cluster instances forms a SIP Cluster node." The URS pair runs on
     * the two hosts of its node, so it goes down with the node
     */
    ursBackup: "same-node",
  },
  ha: {
    /** the ADDP timeout, the guide's sample value */
    addpTimeout: 7,
    /** [sipproxy] oos-check and oos-force, SIP Proxy's active out-of-service check of the SIP Servers (see SOURCES) */
    proxyCheck: 5,
    proxyForce: 5,
    /** none: the SIP Proxies notice a failed node through their check cycle (proxyCheck, proxyForce) */
    proxyDetection: null as number | null,
    /** option tc-reconnect-timeout: 0, cut-off DNs are out of service at once */
    tcReconnectTimeout: 0,
    /** [sipproxy] registrar-default-timeout, the registration's lifetime: phones refresh within it (see SOURCES) */
    registrationRefresh: 140,
    /** none: each phone registers again at its own next refresh (registrationRefresh) */
    registrationDelay: null as number | null,
    /** option agent-state-auto-restore: off, agents are logged out */
    agentStateAutoRestore: false,
    /** assumption grounded in the guide's one minute before WWE asks the agent to log in again (see SOURCES) */
    loginDelay: 60,
    /** how long SIP Server waits before moving a PSTN agent's DN to the new data center GWS reconnected to (see SOURCES) */
    gwsMoveWait: 30,
    /** assumption: how long URS waits for a lost TReserveAgent reply */
    requestTimeout: 5,
    /** [statserver] reg-dns-chunk-delay and reg-dns-chunk-volume, the guide's SIP Cluster values (see SOURCES) */
    regDnsChunkDelay: 1,
    regDnsChunkVolume: 100,
  },
  /** the component load model's costs: assumptions until calibrated (`ccsim calibrate`; docs/component-load.md) */
  components: {
    sipProxy: { call: 0.002 },
    sessionController: { call: 0.11, routeCall: 0.056, mwi: 0.002 },
    tController: { event: 0.025, peer: 0.005, client: 0.006 },
    /** off: Stat Servers connect as legacy clients; a mapping given without enabled turns it on */
    smartProxy: { enabled: false, enabledWhenGiven: true, event: 0.005, client: 0.002 },
    statServer: { event: 0.005 },
    urs: { attempt: 0.08 },
    vqServer: { reserve: 0.01 },
    interactionServer: { route: 0.11, deliver: 0.056 },
    asterisk: { leg: 0.005, notify: 0.001 },
  },
  /** one node a site; the VQ SIP Server's agent_reservation priority */
  site: { nodes: 1, vqPriority: 0, gwsNode: 1 },
  /** a Skype for Business site (sites[].skype): the connector pool, its conferences and the T-Server's scheduling */
  skype: {
    connectors: 2,
    stopped: 0,
    /** the guide's example value of conference-pool-size */
    conferencePoolSize: 60,
    /** the guideline "Number of Trusted Application Endpoints = conference-pool-size / 10": taes defaults to it */
    conferencesPerTae: 10,
    cachingEnabled: true,
    /** calibrated: one at a time, its reciprocal is the guide's "Up to 6 calls per second" (see SOURCES) */
    schedulingTime: 1 / 6,
    creationTime: 1,
    /** "typically, in the region of 8 hours" */
    lifetime: 8 * 3600,
    /** the Front End pool of the guide's tests: "1 Front End pool with 8 Front End servers" */
    frontEnds: 8,
    /** skype.iscc: the ISCC route transaction that sets up a remote treatment's leg to SIP Server (see SOURCES) */
    isccDelay: 0.1,
    /** no-answer-timeout: no value in the guide; SIP Server's agent-no-answer-timeout sample (see SOURCES) */
    noAnswerTimeout: 12,
    /** no-answer-action: no value in the guide; T-Server acts on the agent only when configured to (see SOURCES) */
    noAnswerAction: "none",
    /** wrap-up-time: the agent returns to Ready itself, after its group's wrapUp (see SOURCES) */
    wrapUpTime: "untimed",
    /** pull presence mode, when sites[].skype.presence is given */
    presence: {
      /** the guide's example: "a value of 3000-5999 would consider a user in Online or IdleOnline states as available" */
      availabilityRange: "3000-5999",
      /** an assumption (see SOURCES) */
      delay: 1,
    },
  },
  /** the capacity rule every scenario has unless it redefines it: one voice call at a time */
  builtinRule: { name: "voice", alternatives: [{ voice: 1 }] },
  agent: {
    capacity: "voice",
    phone: "sip",
    /** assumption: agents answer at once and have no after-call work unless told */
    answerDelay: 0,
    wrapUp: 0,
    noAnswer: 0,
    /** option agent-no-answer-timeout (SIP Cluster Solution Guide, sample SIP Server options: agent-no-answer-timeout=12) */
    noAnswerTimeout: 12,
    /** option agent-no-answer-action (SIP Cluster Solution Guide, sample SIP Server options:
     *  agent-no-answer-action=notready) */
    noAnswerAction: "notready",
    /** assumption (no guide gives it): how long a no-answer leaves the agent NotReady before it is Ready again */
    noAnswerNotReady: 60,
    /** a private call starts only while the agent is Ready */
    privateCallWhen: "ready",
    /** option no-answer-overflow: the unanswered call goes back to routing, as before voicemail */
    noAnswerOverflow: "recall",
    /** assumption: an agent-hour of every group costs the same, so the cheapest staffing is the fewest agents */
    costPerHour: 1,
    /** every scheduled agent takes calls, and the router sends calls to any available agent, unless told */
    shrinkage: 0,
    maxOccupancy: 1,
  },
  /** a group's voicemail box (agents[].voicemail): its callers and its messages, assumptions (see SOURCES) */
  voicemail: { leaveMessage: 0.5, recording: 30, handleTime: 120 },
  /** a URS strategy's voicemail branch (traffic[].voicemail): at once when no agent is available */
  trafficVoicemail: { after: 0 },
  /** an Asterisk site's MWI subscriptions (sites[].mwi): mwi-extension-enable off, the reference's Expires: 600, a
   *  refresh one SIP transaction timeout (Timer F, 32 s) before it lapses */
  mwi: { extensionEnable: false, expires: 600, refreshBefore: 32 },
  /** a day's prices (costs:): what the scenario does not price costs nothing */
  costs: { agentHour: 0, nodeHour: 0, ursPairHour: 0, abandoned: 0, waitingMinute: 0 },
  traffic: { media: "voice", priority: 0 },
  /** a caller who calls again makes 10 attempts at most (assumption, see SOURCES) */
  retrial: { maxAttempts: 10 },
  /** the agent's dial of a callback until the customer answers, and how often the customer does (assumptions, see SOURCES) */
  callback: { dialTime: 20, answerProbability: 0.8 },
  /** recorded arrivals are replayed as they are, not resampled by day */
  arrivals: { resample: false },
  /**
   * an unused IM session is released after 10 minutes of inactivity (Skype for Business connector guide); a
   * conversation of 5 messages with gaps of 30 s on average is an assumption
   */
  im: { messages: 5, gapMean: 30, idleTimeout: 600, onTimeout: "proceed" },
} as const;
