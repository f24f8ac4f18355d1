export { loadDeck, RENDER_VERSION, type LoadResult } from "./load-deck";
export { formatIssue, formatIssues, ContentError, type ContentIssue } from "./issues";
export type { Deck, LoadedCard, LoadedTopic, RenderedSide, RenderedOption } from "./types";
export { cardTypes, seedDocuments, type CardType, type Source } from "./schema";
