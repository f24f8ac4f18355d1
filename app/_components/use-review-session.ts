"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import {
  actionEvent,
  initialSessionState,
  reduce,
  type NextCardsWire,
  type SessionAction,
  type SessionEffect,
  type SessionEvent,
  type SessionState,
} from "@/lib/review/session";

/** A custom session (lib/srs/custom-study.ts): its URL parameters and whether grades are recorded. */
export type CustomSession = { query: string; reschedule: boolean };

type Dispatch = (event: SessionEvent) => void;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs one effect of the session machine and reports its outcome as an event. */
async function run(effect: SessionEffect, custom: CustomSession | null, dispatch: Dispatch) {
  if ("delayMs" in effect && effect.delayMs > 0) await wait(effect.delayMs);
  switch (effect.type) {
    case "submitGrade": {
      const response = await fetch("/api/review/grade", {
        method: "POST",
        keepalive: true, // a grade made just before leaving the page still arrives
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(effect.grade),
      }).catch(() => null);
      if (!response || response.status >= 500) dispatch({ type: "gradeFailed" });
      else if (response.status === 409) dispatch({ type: "gradeConflict" });
      else if (!response.ok) dispatch({ type: "gradeRejected", status: response.status });
      else dispatch({ type: "gradeSaved" });
      return;
    }
    case "fetchNext": {
      const params = new URLSearchParams(custom?.query ?? "");
      params.set("count", String(effect.count));
      if (effect.exclude.length) params.set("exclude", effect.exclude.join(","));
      if (effect.first) params.set("first", effect.first);
      try {
        const response = await fetch(`/api/review/next?${params}`, { cache: "no-store" });
        if (!response.ok) throw new Error(`next cards: HTTP ${response.status}`);
        const next = (await response.json()) as NextCardsWire;
        dispatch({ type: "nextLoaded", next, at: Date.now() });
      } catch {
        dispatch({ type: "nextFailed" });
      }
      return;
    }
    case "requestUndo": {
      try {
        const response = await fetch("/api/review/undo", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
        });
        if (!response.ok) throw new Error(`undo: HTTP ${response.status}`);
        const { cardId } = (await response.json()) as { cardId: string };
        dispatch({ type: "undoDone", cardId });
      } catch {
        dispatch({ type: "undoFailed" });
      }
      return;
    }
  }
}

/**
 * The session machine outside React: events are reduced at once, in order,
 * against the latest state (so a key handler never sees a stale one); their
 * effects run here and report back as events.
 */
function createSessionStore(initial: SessionState, custom: CustomSession | null) {
  let state = initial;
  const listeners = new Set<() => void>();
  const dispatch: Dispatch = (event) => {
    const { state: next, effects } = reduce(state, event);
    if (next !== state) {
      state = next;
      for (const listener of listeners) listener();
    }
    for (const effect of effects) void run(effect, custom, dispatch);
  };
  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch,
    /** A click or a key: the same action, stamped with the time and a fresh client id. */
    act: (action: SessionAction) =>
      dispatch(actionEvent(action, { at: Date.now(), clientId: crypto.randomUUID() })),
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** The review session's state, rendered from the store the screen owns for its lifetime. */
export function useReviewSession(initial: NextCardsWire, custom: CustomSession | null) {
  const [store] = useState(() =>
    createSessionStore(
      initialSessionState(initial, {
        custom: custom !== null,
        practice: custom !== null && !custom.reschedule,
      }),
      custom,
    ),
  );
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  useEffect(() => {
    store.dispatch({ type: "started", at: Date.now() });
  }, [store]);
  return { state, store };
}
