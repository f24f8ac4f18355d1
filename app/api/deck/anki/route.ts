import { z } from "zod";
import { ankiExport } from "@/lib/content/anki-export";
import { cachedAnkiExport } from "@/lib/content/anki-deck-cache";
import { db } from "@/lib/db";
import { jsonRoute } from "@/lib/http/json-route";
import { listCardViews } from "@/lib/repo/deck";
import { deckVersion } from "@/lib/repo/deck-version";
import { localeSchema } from "@/lib/settings/preferences";

export const dynamic = "force-dynamic";

const query = z.object({ lang: localeSchema.default("ru") });

/**
 * The whole deck as an Anki text import (File → Import in Anki), in one language. Public,
 * like the library; rendered once per deck version (lib/content/anki-deck-cache.ts), with
 * the version as ETag so a client that has it gets 304.
 */
export const GET = jsonRoute(async (request) => {
  const { lang } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const version = await deckVersion(db());
  const etag = `"${version}-${lang}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": "public, max-age=0, must-revalidate",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const body = await cachedAnkiExport(lang, version, async () =>
    ankiExport(await listCardViews(db(), lang), lang),
  );
  return new Response(body, {
    headers: {
      ...headers,
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="gradus-deck-${lang}.txt"`,
    },
  });
});
