import { NextResponse } from "next/server";
import { accountExportSchema } from "@/lib/account/export-format";
import { db } from "@/lib/db";
import { assertSameOrigin, jsonRoute, readJson } from "@/lib/http/json-route";
import { importAccount } from "@/lib/repo/account-data";
import { requireApiUser } from "@/lib/web/session";

// A full review history is large; 50 MB holds several hundred thousand reviews.
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Replaces the caller's data with an export; a malformed or foreign file is a 4xx and changes nothing. */
export const POST = jsonRoute(async (request) => {
  assertSameOrigin(request);
  const { session } = await requireApiUser();
  const data = await readJson(request, accountExportSchema, MAX_IMPORT_BYTES);
  return NextResponse.json(await importAccount(db(), session.userId, data));
});
