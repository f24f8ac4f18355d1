import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { jsonRoute } from "@/lib/http/json-route";
import { nextCards } from "@/lib/review/next-cards";
import { CUSTOM_SESSION_LIMIT, parseCustomStudy } from "@/lib/srs/custom-study";
import { localeSchema } from "@/lib/settings/preferences";
import { requireApiUser } from "@/lib/web/session";

export const dynamic = "force-dynamic";

const query = z.object({
  count: z.coerce.number().int().min(1).max(5).default(2),
  lang: localeSchema.optional(),
  // Cards already done in a custom session, comma-separated.
  exclude: z
    .string()
    .max(CUSTOM_SESSION_LIMIT * 81)
    .transform((s) => new Set(s.split(",").filter(Boolean)))
    .optional(),
  first: z.string().min(1).max(80).optional(),
});

/**
 * The next cards of today's queue, or of a custom session when `mode` is given
 * (see lib/srs/custom-study.ts): the current one and those prefetched, with counts and intervals.
 */
export const GET = jsonRoute(async (request) => {
  const { session } = await requireApiUser();
  const search = new URL(request.url).searchParams;
  const params = query.parse({
    count: search.get("count") ?? undefined,
    lang: search.get("lang") ?? undefined,
    exclude: search.get("exclude") ?? undefined,
    first: search.get("first") ?? undefined,
  });
  const result = await nextCards({
    db: db(),
    userId: session.userId,
    now: new Date(),
    locale: params.lang ?? session.locale,
    count: params.count,
    custom: parseCustomStudy(search),
    ...(params.exclude ? { exclude: params.exclude } : {}),
    ...(params.first ? { first: params.first } : {}),
  });
  return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
});
