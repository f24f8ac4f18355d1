import type { CardType, Source } from "./schema";

export type RenderedOption = { html: string; correct: boolean; whyHtml: string | null };

/** Everything one language of a card needs on a page, rendered to sanitized HTML. */
export type RenderedSide = {
  front: string;
  back: string;
  /** cloze: the statement with its blanks filled in. */
  revealed?: string;
  /** mcq: options in display order. */
  options?: RenderedOption[];
  /** numeric: the unit to show after the input. */
  unit?: string;
};

export type LoadedCard = {
  id: string;
  topic: string;
  type: CardType;
  difficulty: 1 | 2 | 3;
  tags: string[];
  concepts: string[];
  sources: Source[];
  related: string[];
  example: { id: string; params: Record<string, number | string | boolean> } | null;
  numeric: { answer: number; tolerance: number } | null;
  ru: RenderedSide;
  en: RenderedSide;
  searchText: string;
  sourcePath: string;
  contentHash: string;
};

export type LoadedTopic = {
  id: string;
  order: number;
  title: { ru: string; en: string };
  description: { ru: string; en: string };
  sourcePath: string;
  contentHash: string;
};

export type Deck = { topics: LoadedTopic[]; cards: LoadedCard[] };
