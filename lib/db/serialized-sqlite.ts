import diagnostics from "node:diagnostics_channel";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/**
 * Where the SQLite lock reports each hold when someone listens (the grading
 * bench's server probe does): which operation, how long it waited for the lock,
 * how long it ran, and how many were queued when it asked. Free when nobody
 * subscribes.
 */
export const SQLITE_LOCK_CHANNEL = "gradus:sqlite-lock";
export type SqliteLockEvent = {
  operation: "statement" | "transaction" | "statement in transaction";
  sql: string;
  /** performance.timeOrigin + these = wall clock, in ms. */
  askedAt: number;
  waitedMs: number;
  heldMs: number;
  queuedAhead: number;
};
const channel = diagnostics.channel(SQLITE_LOCK_CHANNEL);

/**
 * One lock around everything a SQLite client does.
 *
 * The better-sqlite3 adapter shares one connection among all requests and
 * serialises transactions against each other, but not plain statements against
 * an open transaction: a request's statement issued while another request's
 * interactive transaction is open runs inside that transaction, reads its
 * uncommitted rows, and is undone with it if it rolls back (a grade refused
 * with CONFLICT would take an unrelated settings change down with it). Here a
 * statement waits until the open transaction ends, as it would on a database
 * with one connection per request.
 *
 * Inside a transaction, statements go through the Transaction object and do
 * not take the lock, so code must use the transaction client (`tx`), never the
 * outer one, for work inside `$transaction` (it would wait for itself).
 */
export function serializedSqlite(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  const lock = new Lock();
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await factory.connect();
      return new Proxy(adapter, {
        get(target, property, receiver) {
          if (property === "queryRaw" || property === "executeRaw" || property === "executeScript") {
            const method = Reflect.get(target, property, receiver) as (arg: never) => Promise<unknown>;
            return (arg: never) => lock.run(sqlOf(arg), () => method.call(target, arg));
          }
          if (property === "startTransaction") {
            return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) => {
              const release = await lock.acquire("transaction", "BEGIN");
              try {
                return releasingOnEnd(await target.startTransaction(...args), release);
              } catch (error) {
                release();
                throw error;
              }
            };
          }
          const value = Reflect.get(target, property, receiver) as unknown;
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
}

const sqlOf = (arg: unknown): string =>
  typeof arg === "string" ? arg : ((arg as { sql?: string } | undefined)?.sql ?? "");

/** The transaction, releasing the lock once when it commits or rolls back. */
function releasingOnEnd(transaction: Transaction, release: () => void): Transaction {
  let released = false;
  const end = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return new Proxy(transaction, {
    get(target, property, receiver) {
      if (property === "commit" || property === "rollback") {
        const method = Reflect.get(target, property, receiver) as () => Promise<void>;
        return () => method.call(target).finally(end);
      }
      if (channel.hasSubscribers && (property === "queryRaw" || property === "executeRaw")) {
        const method = Reflect.get(target, property, receiver) as (arg: never) => Promise<unknown>;
        return (arg: never) => {
          const askedAt = performance.now();
          return method
            .call(target, arg)
            .finally(() => report("statement in transaction", sqlOf(arg), askedAt, askedAt, 0));
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function report(
  operation: SqliteLockEvent["operation"],
  sql: string,
  askedAt: number,
  acquiredAt: number,
  queuedAhead: number,
): void {
  const event: SqliteLockEvent = {
    operation,
    sql,
    askedAt,
    waitedMs: acquiredAt - askedAt,
    heldMs: performance.now() - acquiredAt,
    queuedAhead,
  };
  channel.publish(event);
}

/**
 * Hands the event loop back before a statement or transaction starts, and lets
 * SQLite work run for at most SLICE_MS per turn of the loop.
 *
 * better-sqlite3 answers synchronously and the adapter resolves at once, so
 * without this a whole request (session, reads, transaction, response) runs as
 * one uninterrupted task, and under load one turn of the loop serves every
 * waiting request back to back: hundreds of ms on CPU between two polls of the
 * sockets. The server then accepts new connections and reads new requests only
 * between such turns: `npm run bench:grading` saw connections a client had
 * opened within 150 ms accepted over 6 s, and a multi-second maximum on SQLite
 * only (PostgreSQL queries are network I/O, so the loop polls between them).
 * Here a request runs in slices, and once a turn has spent SLICE_MS on them the
 * rest wait for the next turn, so the server polls its sockets at least that
 * often. Statements inside a transaction do not yield: the lock is held no
 * longer than before.
 */
const SLICE_MS = 10;
let sliceStartedAt: number | undefined;
// Who waits for a turn, oldest first. Each waiter schedules one interchangeable
// "ticket" immediate; a ticket lets the oldest waiter go, or, when this turn's
// slice is spent, moves itself to the next turn, so the order stays first come,
// first served.
const waiting: (() => void)[] = [];

function ticket(): void {
  const now = performance.now();
  if (sliceStartedAt === undefined) {
    sliceStartedAt = now;
    // Queued before any ticket moved on from this turn, so it runs first in the next: a fresh slice.
    setImmediate(() => (sliceStartedAt = undefined));
  }
  if (now - sliceStartedAt > SLICE_MS) setImmediate(ticket);
  else waiting.shift()?.();
}

const turnOfTheEventLoop = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    setImmediate(ticket);
  });

/** A FIFO async mutex. */
class Lock {
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;

  async acquire(operation: "statement" | "transaction", sql: string): Promise<() => void> {
    await turnOfTheEventLoop();
    const askedAt = performance.now();
    const queuedAhead = this.queued++;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.tail.then(() => {
      const acquiredAt = performance.now();
      return () => {
        this.queued--;
        if (channel.hasSubscribers) report(operation, sql, askedAt, acquiredAt, queuedAhead);
        release();
      };
    });
    this.tail = this.tail.then(() => released);
    return await acquired;
  }

  async run<T>(sql: string, fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire("statement", sql);
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
