import type { RatingValue } from "@/lib/srs/scheduler";
import type { SessionEvent } from "./machine";

/**
 * What the user asked for, by click or by key (keyboard.ts maps keys to these):
 * a grade button's click and its digit key are the same action.
 */
export type SessionAction =
  | { type: "grade"; rating: RatingValue }
  | { type: "undo" }
  | { type: "toggleHelp" }
  | { type: "openHelp" }
  | { type: "closeHelp" };

/** The machine's event for an action, stamped by the screen with the time and a fresh client id. */
export function actionEvent(action: SessionAction, stamp: { at: number; clientId: string }): SessionEvent {
  switch (action.type) {
    case "grade":
      return { type: "graded", rating: action.rating, at: stamp.at, clientId: stamp.clientId };
    case "undo":
      return { type: "undoRequested" };
    case "toggleHelp":
      return { type: "helpToggled" };
    case "openHelp":
      return { type: "helpOpened" };
    case "closeHelp":
      return { type: "helpClosed" };
  }
}
