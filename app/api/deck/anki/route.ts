import { z } from "zod";
import { ankiDownload } from "@/lib/content/anki-download";
import { db } from "@/lib/db";
import { jsonRoute } from "@/lib/http/json-route";
import { localeSchema } from "@/lib/settings/preferences";

export const dynamic = "force-dynamic";

const query = z.object({ lang: localeSchema.default("ru") });

/**
 * The whole deck as an Anki text import (File → Import in Anki), in one language. Public,
 * like the library. Rendered once per deck version and kept in a per-process cache
 * (lib/content/anki-deck-cache.ts), so anonymous downloads cost a small version read, not
 * a render, and need no rate limit; the version is the ETag, so a client holding it gets 304.
 */
export const GET = jsonRoute(async (request) => {
  const { lang } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { version, body } = await ankiDownload(db(), lang);
  const etag = `"${version}-${lang}"`;
  const headers = { ETag: etag, "Cache-Control": "public, max-age=0, must-revalidate" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(await body(), {
    headers: {
      ...headers,
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="gradus-deck-${lang}.txt"`,
    },
  });
});
