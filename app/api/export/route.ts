import { z } from "zod";
import { reviewLogCsv } from "@/lib/account/export-format";
import { db } from "@/lib/db";
import { jsonRoute } from "@/lib/http/json-route";
import { withRetryAfter } from "@/lib/http/retry-after";
import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";
import { exportAccount, finishInterruptedImport } from "@/lib/repo/account-data";
import { requireApiUser } from "@/lib/web/session";

export const dynamic = "force-dynamic";

const query = z.object({
  format: z.enum(["json", "csv"], { message: 'format must be "json" or "csv"' }).default("json"),
});

/** Downloads the caller's data: the whole account as JSON, or the review log as FSRS-style CSV. */
export const GET = jsonRoute(
  withRetryAfter(async (request) => {
    const { session } = await requireApiUser();
    const { format } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
    const now = new Date();
    await enforceRateLimit({ db: db(), action: "export", subject: session.userId, now });
    // An import this account's process died in the middle of would show half its log.
    await finishInterruptedImport(db(), session.userId, now);
    const data = await exportAccount(db(), session.userId, now);
    const day = data.exportedAt.toISOString().slice(0, 10);
    const [body, type, name] =
      format === "csv"
        ? [reviewLogCsv(data.reviewLogs), "text/csv; charset=utf-8", `gradus-revlog-${day}.csv`]
        : [JSON.stringify(data, null, 2), "application/json; charset=utf-8", `gradus-account-${day}.json`];
    return new Response(body, {
      headers: {
        "Content-Type": type,
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  }),
);
