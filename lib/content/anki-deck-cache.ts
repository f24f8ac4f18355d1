import type { Locale } from "@/lib/settings/preferences";

/**
 * The Anki export of the deck, computed once per (deck version, language) in this process
 * and kept until the version changes. Rendering takes about half a second of CPU; a
 * burst of anonymous downloads would otherwise stall the server. Concurrent requests for
 * a version not yet computed share one computation. Per process: each instance computes
 * its own copy, and it stays correct because the key is the deck's fingerprint
 * (lib/repo/deck-version.ts), read from the database on every request.
 */
type Entry = { version: string; body: Promise<string> };

const holder = globalThis as unknown as { gradusAnkiCache?: Map<Locale, Entry> };
const entries = (holder.gradusAnkiCache ??= new Map());

export function cachedAnkiExport(locale: Locale, version: string, compute: () => Promise<string>): Promise<string> {
  const entry = entries.get(locale);
  if (entry?.version === version) return entry.body;
  const body = compute();
  entries.set(locale, { version, body });
  // A failed computation is not cached: the next request tries again.
  body.catch(() => {
    if (entries.get(locale)?.body === body) entries.delete(locale);
  });
  return body;
}

/** For tests: forget every cached export. */
export function clearAnkiCache(): void {
  entries.clear();
}
