// One scheduled event and what reacts to it: the record the kernel's clock (simulation.ts) and its heaps
// (event-queue.ts) share, in a file of its own so that neither has to import the other for it.

/** Whatever reacts to an event. One method, so that an event costs no closure: the target and a small code say it all.
 *  An event scheduled with post() is reused once fire() returns: read it during fire(), never keep it. */
export interface EventTarget {
  fire(ev: SimEvent): void;
}

export class SimEvent {
  /** set by cancel(); a cancelled event stays in the heap and is skipped when it comes up */
  cancelled = false;
  constructor(
    public time: number,
    public priority: number,
    public seq: number,
    public target: EventTarget,
    /** what kind of event this is for its target */
    public code: number,
    /** the thing it is about (a call, an agent, a message) */
    public subject: unknown,
    /** scheduled by post(): nobody holds it, so the kernel reuses it once it has fired */
    readonly pooled: boolean,
  ) {}
}
