/**
 * Caps how many password checks run at once per account, in this process.
 * scrypt is deliberately expensive, so a burst of guesses at one account would
 * otherwise queue up CPU work that the database throttle refuses anyway. It is
 * per instance: the database counter is what holds across instances.
 */
export class ConcurrencyGate {
  private readonly inFlight = new Map<string, number>();

  constructor(readonly limit: number) {}

  /** A release function, or null when `key` already has `limit` checks running. */
  tryEnter(key: string): (() => void) | null {
    const running = this.inFlight.get(key) ?? 0;
    if (running >= this.limit) return null;
    this.inFlight.set(key, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    };
  }

  running(key: string): number {
    return this.inFlight.get(key) ?? 0;
  }
}

export const PASSWORD_CHECKS_PER_ACCOUNT = 2;

/** The process-wide gate sign-in and re-authentication use. */
export const passwordCheckGate = new ConcurrencyGate(PASSWORD_CHECKS_PER_ACCOUNT);
