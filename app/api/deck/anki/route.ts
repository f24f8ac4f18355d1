import { z } from "zod";
import { ankiExport } from "@/lib/content/anki-export";
import { db } from "@/lib/db";
import { jsonRoute } from "@/lib/http/json-route";
import { listCardViews } from "@/lib/repo/deck";
import { localeSchema } from "@/lib/settings/preferences";

export const dynamic = "force-dynamic";

const query = z.object({ lang: localeSchema.default("ru") });

/** The whole deck as an Anki text import (File → Import in Anki), in one language. Public, like the library. */
export const GET = jsonRoute(async (request) => {
  const { lang } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const body = ankiExport(await listCardViews(db(), lang), lang);
  return new Response(body, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="gradus-deck-${lang}.txt"`,
      "Cache-Control": "no-store",
    },
  });
});
