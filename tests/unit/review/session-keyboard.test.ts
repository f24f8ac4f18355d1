import { describe, expect, it } from "vitest";
import {
  DEFAULT_RATING,
  GRADE_KEYS,
  SUGGESTED_RATING,
  actionEvent,
  keyToAction,
  reduce,
  type KeyPress,
  type SessionAction,
} from "@/lib/review/session";
import { T0, reveal, reviewCard, session } from "./session-builders";

const press = (key: string, overrides: Partial<KeyPress> = {}): KeyPress => ({
  key,
  altKey: false,
  metaKey: false,
  defaultPrevented: false,
  inField: false,
  onControl: false,
  ...overrides,
});
const hidden = { revealed: false, suggested: null };
const shown = { revealed: true, suggested: null };
const stamp = { at: T0 + 1_000, clientId: "00000000-0000-4000-8000-00000000abcd" };

describe("keys while the answer is shown", () => {
  it.each(Object.entries(GRADE_KEYS))("%s grades %s, as clicking that grade button does", (key, rating) => {
    const click: SessionAction = { type: "grade", rating };
    expect(keyToAction(press(key), shown)).toEqual({ action: click, preventDefault: true });
  });

  it.each(["Enter", " "])("%j accepts the suggested grade, or the default when none", (key) => {
    expect(keyToAction(press(key), shown)?.action).toEqual({ type: "grade", rating: DEFAULT_RATING });
    expect(keyToAction(press(key), { revealed: true, suggested: SUGGESTED_RATING.wrong })?.action).toEqual({
      type: "grade",
      rating: SUGGESTED_RATING.wrong,
    });
  });

  it("leaves Enter and Space to a focused button or link", () => {
    expect(keyToAction(press("Enter", { onControl: true }), shown)).toBeNull();
    expect(keyToAction(press(" ", { onControl: true }), shown)).toBeNull();
  });

  it("does not grade while typing in a field", () => {
    expect(keyToAction(press("3", { inField: true }), shown)).toBeNull();
  });

  it("does not grade with a key the card's reveal already used", () => {
    expect(keyToAction(press(" ", { defaultPrevented: true }), shown)).toBeNull();
  });
});

describe("keys while the answer is hidden", () => {
  it.each(["1", "3", "Enter", " "])("%j grades nothing (revealing is the card's key)", (key) => {
    expect(keyToAction(press(key), hidden)).toBeNull();
  });
});

describe("keys at any time", () => {
  it("Z, z and Ctrl+Z undo, as the Undo button does", () => {
    for (const key of ["z", "Z"])
      expect(keyToAction(press(key), hidden)).toEqual({ action: { type: "undo" }, preventDefault: true });
  });

  it("Alt+Z, Cmd+Z and a z typed in a field do not undo", () => {
    expect(keyToAction(press("z", { altKey: true }), shown)).toBeNull();
    expect(keyToAction(press("z", { metaKey: true }), shown)).toBeNull();
    expect(keyToAction(press("z", { inField: true }), shown)).toBeNull();
  });

  it("? toggles the help outside fields and Escape closes it, leaving the browser's handling alone", () => {
    expect(keyToAction(press("?"), hidden)).toEqual({
      action: { type: "toggleHelp" },
      preventDefault: false,
    });
    expect(keyToAction(press("?", { inField: true }), hidden)).toBeNull();
    expect(keyToAction(press("Escape"), shown)).toEqual({
      action: { type: "closeHelp" },
      preventDefault: false,
    });
  });
});

describe("a key and a click reach the machine as the same event", () => {
  it("pressing 4 on a revealed card sends the grade clicking Easy sends", () => {
    const revealed = reduce(session([reviewCard("a"), reviewCard("b")]), reveal).state;
    const byKey = keyToAction(press("4"), revealed)!.action;
    const byClick: SessionAction = { type: "grade", rating: 4 };
    expect(actionEvent(byKey, stamp)).toEqual(actionEvent(byClick, stamp));
    expect(reduce(revealed, actionEvent(byKey, stamp))).toEqual(
      reduce(revealed, actionEvent(byClick, stamp)),
    );
  });

  it.each([
    [{ type: "undo" }, { type: "undoRequested" }],
    [{ type: "toggleHelp" }, { type: "helpToggled" }],
    [{ type: "openHelp" }, { type: "helpOpened" }],
    [{ type: "closeHelp" }, { type: "helpClosed" }],
  ] as const)("%o becomes %o", (action, event) => {
    expect(actionEvent(action, stamp)).toEqual(event);
  });

  it("a grade is stamped with the time and client id the screen gives it", () => {
    expect(actionEvent({ type: "grade", rating: 2 }, stamp)).toEqual({ type: "graded", rating: 2, ...stamp });
  });
});
