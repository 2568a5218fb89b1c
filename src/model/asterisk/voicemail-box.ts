// A voicemail box on Asterisk and the messages waiting in it (SIP Server and Asterisk Integration Reference, Voicemail
// Boxes Associated with Extensions, Agent Logins, or Agent Groups): "SIP Server associates each voicemail box it
// controls on Asterisk with one of the following configuration objects in the Configuration Layer: Extension, Agent
// Login, or Agent Group". An extension's or a login's box is one agent's work; a group's is any of its logged-in
// agents'. Messages wait oldest first.

import type { Agent, AgentGroup } from "../agents/agent.js";

export type BoxKind = "extension" | "login" | "group";

/** One caller's message: recorded at `leftAt`, taking an agent `handleTime` once one takes it. */
export class VoiceMessage {
  /** when the recording ended and the message was in the box (NaN while the caller still records) */
  leftAt = Number.NaN;

  constructor(
    readonly box: VoicemailBox,
    readonly handleTime: number,
  ) {}
}

export class VoicemailBox {
  /** the messages waiting, oldest first from `head` (taken ones before it are dropped now and then) */
  private queue: VoiceMessage[] = [];
  private head = 0;

  constructor(
    /** its place in the center's list of boxes */
    readonly index: number,
    readonly kind: BoxKind,
    readonly group: AgentGroup,
    /** the agent whose extension or login it is; null for a group's box */
    readonly agent: Agent | null,
  ) {}

  get id(): string {
    return this.agent === null ? `${this.group.id}` : `${this.group.id}.${this.agent.index}`;
  }

  get waiting(): number {
    return this.queue.length - this.head;
  }

  /** the oldest waiting message, or undefined */
  peek(): VoiceMessage | undefined {
    return this.queue[this.head];
  }

  put(m: VoiceMessage): void {
    this.queue.push(m);
  }

  take(): VoiceMessage {
    const m = this.queue[this.head++]!;
    // (drop the taken ones once they are most of the array, so a long day does not keep them all)
    if (this.head > 64 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return m;
  }

  /** the waiting messages left before `t` */
  waitingLeftBefore(t: number): number {
    let n = 0;
    for (let i = this.head; i < this.queue.length; i++) if (this.queue[i]!.leftAt < t) n++;
    return n;
  }
}
