import { NextResponse } from "next/server";
import { jsonRoute, assertSameOrigin, readJson } from "@/lib/http/json-route";
import { preferencesPatchSchema } from "@/lib/settings/preferences";
import { requireApiUser } from "@/lib/web/session";

export const GET = jsonRoute(async () => {
  const { repo } = await requireApiUser();
  return NextResponse.json(await repo.preferences());
});

export const PATCH = jsonRoute(async (request) => {
  assertSameOrigin(request);
  const { repo } = await requireApiUser();
  const patch = await readJson(request, preferencesPatchSchema);
  return NextResponse.json(await repo.updatePreferences(patch));
});
