import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { jsonRoute } from "@/lib/http/json-route";
import { nextCards } from "@/lib/review/next-cards";
import { localeSchema } from "@/lib/settings/preferences";
import { requireApiUser } from "@/lib/web/session";

export const dynamic = "force-dynamic";

const query = z.object({
  count: z.coerce.number().int().min(1).max(5).default(2),
  lang: localeSchema.optional(),
});

/** The next cards of today's queue (the current one and one prefetched), with counts and intervals. */
export const GET = jsonRoute(async (request) => {
  const { session } = await requireApiUser();
  const params = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await nextCards({
    db: db(),
    userId: session.userId,
    now: new Date(),
    locale: params.lang ?? session.locale,
    count: params.count,
  });
  return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
});
