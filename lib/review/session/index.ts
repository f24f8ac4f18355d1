export {
  AGAIN,
  DEFAULT_RATING,
  MAX_GRADE_DURATION_MS,
  PREFETCH_COUNT,
  RETRY_DELAY_MS,
  RETRY_LIMIT,
  SUGGESTED_RATING,
  initialSessionState,
  reduce,
  type GradeRequest,
  type NextCardsWire,
  type Notice,
  type SessionEffect,
  type SessionEvent,
  type SessionState,
  type Task,
  type Transition,
  type Verdict,
} from "./machine";
export { actionEvent, type SessionAction } from "./actions";
export { GRADE_KEYS, UNDO_KEYS, keyToAction, type KeyPress } from "./keyboard";
export { isBusy, sessionProgress, sessionSummary } from "./summary";
