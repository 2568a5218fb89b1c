// The prices of a day as the scenario gives them (costs:): its own file, so that types.ts and what prices a day
// (paid-hours.ts) both name it without a circle.

/** The prices of a day (amounts in the scenario's currency; a price not given is 0). */
export interface CostsSpec {
  /** a label written beside every amount, e.g. "EUR" (absent: none) */
  readonly currency?: string;
  /** every agent group's cost per scheduled agent-hour, unless the group gives its own costPerHour */
  readonly agentHour: number;
  /** per SIP Cluster node (or a standalone site's SIP Server HA pair) per hour */
  readonly nodeHour: number;
  /** per URS HA pair per hour */
  readonly ursPairHour: number;
  /** per abandoned call */
  readonly abandoned: number;
  /** per minute a caller waits: answered calls until answer, the others until they leave */
  readonly waitingMinute: number;
}
