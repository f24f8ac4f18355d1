import { NextResponse } from "next/server";
import { importAccountFile } from "@/lib/account/import-account-file";
import { db } from "@/lib/db";
import { assertSameOrigin, jsonRoute } from "@/lib/http/json-route";
import { readJsonBytes } from "@/lib/http/read-body";
import { withRetryAfter } from "@/lib/http/retry-after";
import { IMPORT_MAX_BYTES } from "@/lib/limits";
import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";
import { requireApiUser } from "@/lib/web/session";

/**
 * Replaces the caller's data with an export; a malformed or foreign file is a 4xx and
 * changes nothing. A body over IMPORT_MAX_BYTES is 413; a second import of the same
 * account while one runs is 409; too many imports are 429 with Retry-After.
 */
export const POST = jsonRoute(
  withRetryAfter(async (request) => {
    assertSameOrigin(request);
    const { session } = await requireApiUser();
    await enforceRateLimit({ db: db(), action: "import", subject: session.userId, now: new Date() });
    const body = await readJsonBytes(request, IMPORT_MAX_BYTES);
    return NextResponse.json(await importAccountFile({ db: db(), userId: session.userId, body }));
  }),
);
