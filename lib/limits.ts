/**
 * Every limit that keeps one user (or one anonymous client) from monopolising the
 * server, in one place. The README's "Limits" section quotes these values.
 */

/**
 * The largest account import body. Above it the answer is 413 with a message. Next's
 * proxy clones request bodies up to `experimental.proxyClientMaxBodySize` (next.config.js)
 * and silently truncates beyond; that setting is this plus one MiB, so an oversized body
 * always reaches the route with more than this many bytes and is refused, never truncated
 * (tests/unit/limits/body-limit.test.ts checks the two agree).
 */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** A rate limit: at most `max` requests per fixed window of `windowMs`. */
export type RateLimit = { readonly max: number; readonly windowMs: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const rateLimits = {
  /** Per user: an import parses and rewrites the whole account. */
  import: { max: 5, windowMs: HOUR },
  /** Per user: an export reads the whole account. */
  export: { max: 30, windowMs: HOUR },
  /** Per user: starting a fit of FSRS parameters (a worker thread for seconds). */
  optimizerRun: { max: 10, windowMs: HOUR },
  /** Per user: adopting parameters or the defaults reschedules every studied card. */
  optimizerApply: { max: 20, windowMs: HOUR },
} as const satisfies Record<string, RateLimit>;

export type RateLimitedAction = keyof typeof rateLimits;

/** Fit workers (threads running the FSRS optimizer) per server process; later jobs wait "queued". */
export const MAX_CONCURRENT_FITS = 2;

/** Review log rows validated and written per step of an import (each its own short statement). */
export const IMPORT_CHUNK_ROWS = 500;

/** Cards rescheduled per transaction when parameters are applied. */
export const APPLY_CHUNK_CARDS = 200;

/** An import whose heartbeat is older than this is taken to have died with its process. */
export const IMPORT_STALE_MS = 60_000;

/** Entries allowed in an import's topics, paused tags and card states (each at most one per deck item). */
export const IMPORT_MAX_SMALL_LIST = 20_000;
