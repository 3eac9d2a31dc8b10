import type { Clock } from './clock.ts';
import { triggerId } from './ids.ts';

/** Slack honours a trigger_id once, within 3 seconds of the interaction that produced it. */
export const TRIGGER_TTL_MS = 3000;

interface Trigger {
  teamId: string;
  userId: string;
  issuedAt: number;
  used: boolean;
}

export type TriggerCheck = { ok: true; userId: string } | { ok: false; error: 'invalid_trigger_id' | 'expired_trigger_id' };

export class TriggerRegistry {
  readonly #clock: Clock;
  readonly #triggers = new Map<string, Trigger>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  issue(teamId: string, userId: string): string {
    const id = triggerId();
    this.#triggers.set(id, { teamId, userId, issuedAt: this.#clock(), used: false });
    return id;
  }

  /** Checks without using it up, so a call refused for another reason leaves it valid. */
  check(id: string | undefined, teamId: string): TriggerCheck {
    const trigger = id === undefined ? undefined : this.#triggers.get(id);
    if (trigger === undefined || trigger.teamId !== teamId) return { ok: false, error: 'invalid_trigger_id' };
    if (trigger.used || this.#clock() - trigger.issuedAt > TRIGGER_TTL_MS) return { ok: false, error: 'expired_trigger_id' };
    return { ok: true, userId: trigger.userId };
  }

  consume(id: string): void {
    const trigger = this.#triggers.get(id);
    if (trigger !== undefined) trigger.used = true;
  }
}
