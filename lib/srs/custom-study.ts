import { z } from "zod";
import type { QueueEntry } from "./build-queue";
import { states, type StateValue } from "./scheduler";

/**
 * Custom study: sessions outside the day's queue and its limits.
 * - cram: every card of a topic or tag, weakest first; `reschedule: false`
 *   practises without touching the schedule (nothing is recorded).
 * - ahead: cards due within the next `days` days, earliest first.
 * - forgotten: cards whose latest grade today was Again.
 */
const id = z.string().trim().min(1).max(80);

export const customStudySchema = z.discriminatedUnion("mode", [
  z
    .object({
      mode: z.literal("cram"),
      topic: id.optional(),
      tag: id.optional(),
      reschedule: z.boolean().default(false),
    })
    .refine((s) => (s.topic === undefined) !== (s.tag === undefined), {
      message: "cram needs exactly one of topic or tag",
    }),
  z.object({ mode: z.literal("ahead"), days: z.number().int().min(1).max(30).default(3) }),
  z.object({ mode: z.literal("forgotten") }),
]);

export type CustomStudy = z.infer<typeof customStudySchema>;

/** Most cards one custom session can hold: enough for any topic, small enough to send excluded ids back. */
export const CUSTOM_SESSION_LIMIT = 200;

/**
 * Reads a custom session from URL parameters (`mode`, `topic`, `tag`,
 * `reschedule=1`, `days`). No `mode` means the normal queue (null).
 */
export function parseCustomStudy(params: URLSearchParams): CustomStudy | null {
  const mode = params.get("mode");
  if (mode === null || mode === "" || mode === "due") return null;
  const optional = (key: string) => params.get(key) || undefined;
  const days = optional("days");
  return customStudySchema.parse({
    mode,
    topic: optional("topic"),
    tag: optional("tag"),
    reschedule: params.get("reschedule") === "1" || params.get("reschedule") === "true",
    days: days === undefined ? undefined : Number(days),
  });
}

/** The URL parameters of a custom session (the inverse of parseCustomStudy). */
export function customStudyParams(study: CustomStudy): URLSearchParams {
  const params = new URLSearchParams({ mode: study.mode });
  if (study.mode === "cram") {
    if (study.topic) params.set("topic", study.topic);
    if (study.tag) params.set("tag", study.tag);
    if (study.reschedule) params.set("reschedule", "1");
  }
  if (study.mode === "ahead") params.set("days", String(study.days));
  return params;
}

/** A candidate card for a custom session. `retrievability` is 0 for unstudied cards. */
export type CustomCandidate = {
  cardId: string;
  state: StateValue | null;
  due: Date | null;
  retrievability: number;
  /** Position in content order (topic, difficulty, id). */
  order: number;
  /** For `forgotten`: the time of the latest Again today. */
  failedAt?: Date;
};

const DAY_MS = 86_400_000;

function kindOf(state: StateValue | null): QueueEntry["kind"] {
  if (state === null || state === states.new) return "new";
  return state === states.review ? "review" : "learning";
}

/** Filters and orders the candidates of a custom session, leaving out `exclude` (cards done this session). */
export function customQueue(
  study: CustomStudy,
  candidates: CustomCandidate[],
  options: {
    now: Date;
    nextDayStart: Date;
    exclude: ReadonlySet<string>;
    /** Put this card first if it belongs to the session (the card an undo brought back). */
    first?: string;
  },
): QueueEntry[] {
  const open = candidates.filter((c) => !options.exclude.has(c.cardId));
  let ordered: CustomCandidate[];
  if (study.mode === "cram") {
    // Studied cards weakest first (what an interview would expose), then unseen ones in content order.
    const studied = open.filter((c) => kindOf(c.state) !== "new");
    const unseen = open.filter((c) => kindOf(c.state) === "new");
    studied.sort((a, b) => a.retrievability - b.retrievability || a.order - b.order);
    unseen.sort((a, b) => a.order - b.order);
    ordered = [...studied, ...unseen];
  } else if (study.mode === "ahead") {
    // days = 1 is tomorrow's cards (and anything still due today).
    const horizon = options.nextDayStart.getTime() + study.days * DAY_MS;
    ordered = open
      .filter((c) => kindOf(c.state) !== "new" && c.due !== null && c.due.getTime() < horizon)
      .sort((a, b) => a.due!.getTime() - b.due!.getTime() || a.order - b.order);
  } else {
    ordered = open
      .filter((c) => c.failedAt !== undefined)
      .sort((a, b) => a.failedAt!.getTime() - b.failedAt!.getTime() || a.order - b.order);
  }
  const head = ordered.findIndex((c) => c.cardId === options.first);
  if (head > 0) ordered.unshift(...ordered.splice(head, 1));
  return ordered.slice(0, CUSTOM_SESSION_LIMIT).map((c) => ({ cardId: c.cardId, kind: kindOf(c.state) }));
}
