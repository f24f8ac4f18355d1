import type { Db } from "@/lib/db";
import { listCardViews } from "@/lib/repo/deck";
import { deckVersion } from "@/lib/repo/deck-version";
import type { Locale } from "@/lib/settings/preferences";
import { cachedAnkiExport } from "./anki-deck-cache";
import { ankiExport } from "./anki-export";

/**
 * The deck's current version and its Anki export in `locale`, rendered only when asked
 * for and only once per version (lib/content/anki-deck-cache.ts).
 */
export async function ankiDownload(db: Db, locale: Locale): Promise<{ version: string; body: () => Promise<string> }> {
  const version = await deckVersion(db);
  return {
    version,
    body: () => cachedAnkiExport(locale, version, async () => ankiExport(await listCardViews(db, locale), locale)),
  };
}
