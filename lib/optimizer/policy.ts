/**
 * Timing of the background fit. The running instance writes a heartbeat every
 * HEARTBEAT_MS; any instance that sees an active job silent for STALE_AFTER_MS reports
 * it as interrupted (its process died or was redeployed) and frees the slot.
 */
export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_MS = 30_000;
/** Progress is written at most this often (the UI polls about once a second). */
export const PROGRESS_WRITE_MS = 1_000;
/** Reviews read per database round trip. */
export const REVIEW_PAGE_SIZE = 5_000;

export function staleCutoff(now: Date, staleAfterMs = STALE_AFTER_MS): Date {
  return new Date(now.getTime() - staleAfterMs);
}

/**
 * Whether fitted parameters are worth adopting: they must predict the history better
 * (lower log loss, the quantity fitting minimises) than the parameters in use. On a
 * short history they often do not, and then the user keeps what they have (as Anki
 * keeps the current parameters when re-optimizing does not help).
 */
export function isImprovement(metrics: { before: { logLoss: number }; after: { logLoss: number } }): boolean {
  return metrics.after.logLoss < metrics.before.logLoss;
}
