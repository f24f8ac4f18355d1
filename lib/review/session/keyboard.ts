import type { RatingValue } from "@/lib/srs/scheduler";
import type { SessionAction } from "./actions";
import { DEFAULT_RATING } from "./machine";

/** A keydown as the screen sees it: the key, modifiers, and where focus was. */
export type KeyPress = {
  key: string;
  altKey: boolean;
  metaKey: boolean;
  /** Another handler (the card's reveal) already used this key. */
  defaultPrevented: boolean;
  /** Focus in an input, textarea or select: typing, not a shortcut. */
  inField: boolean;
  /** Focus on a button or link: Enter and Space belong to it. */
  onControl: boolean;
};

/** The digit keys that grade. */
export const GRADE_KEYS: Readonly<Record<string, RatingValue>> = { "1": 1, "2": 2, "3": 3, "4": 4 };
/** Undo: Z, with Ctrl too (Alt and Meta combinations belong to the browser and system). */
export const UNDO_KEYS: readonly string[] = ["z", "Z"];

/**
 * The action a key stands for on the review screen, and whether the browser's
 * own handling of it must be prevented; null when the key means nothing here.
 * Revealing is the card's own key handler (card-study.tsx); grading needs the answer shown.
 */
export function keyToAction(
  press: KeyPress,
  screen: { revealed: boolean; suggested: RatingValue | null },
): { action: SessionAction; preventDefault: boolean } | null {
  if (press.defaultPrevented) return null;
  if (press.key === "?" && !press.inField) return { action: { type: "toggleHelp" }, preventDefault: false };
  if (press.key === "Escape") return { action: { type: "closeHelp" }, preventDefault: false };
  if (UNDO_KEYS.includes(press.key) && !press.inField && !press.altKey && !press.metaKey)
    return { action: { type: "undo" }, preventDefault: true };
  if (!screen.revealed || press.inField) return null;
  const rating = GRADE_KEYS[press.key];
  if (rating) return { action: { type: "grade", rating }, preventDefault: true };
  if ((press.key === "Enter" || press.key === " ") && !press.onControl)
    return { action: { type: "grade", rating: screen.suggested ?? DEFAULT_RATING }, preventDefault: true };
  return null;
}
