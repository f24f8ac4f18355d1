/**
 * Chart fills that read on both the light (white) and dark (slate-900) page:
 * Tailwind's mid-range 400–600 shades. Axes and labels use currentColor.
 */
export const palette = {
  new: "#94a3b8",
  learning: "#f59e0b",
  review: "#6366f1",
  relearning: "#f43f5e",
  young: "#0ea5e9",
  mature: "#6366f1",
  time: "#14b8a6",
  mastery: "#6366f1",
  weakest: "#f43f5e",
  /** Heatmap steps, fewest to most reviews. */
  heat: ["#a7f3d0", "#34d399", "#10b981", "#047857"],
} as const;
