import enCore from "./messages/en.json";
import ruCore from "./messages/ru.json";
import enOptimizer from "./messages/optimizer.en.json";
import ruOptimizer from "./messages/optimizer.ru.json";
import enStats from "./messages/stats.en.json";
import ruStats from "./messages/stats.ru.json";

// A feature with many messages keeps them in its own pair of files (one top-level
// namespace each) so the core catalogue stays readable; they are merged here.
// tests/unit/i18n/catalogues.test.ts checks that no namespace is defined twice.
export const catalogueParts = {
  en: [enCore, enStats, enOptimizer],
  ru: [ruCore, ruStats, ruOptimizer],
} as const;

export const en = { ...enCore, ...enStats, ...enOptimizer };
export const ru = { ...ruCore, ...ruStats, ...ruOptimizer };

export type Messages = typeof en;
