import { getTranslations } from "next-intl/server";
import { errorStatus, type ErrorCode } from "@/lib/errors";
import { ACTION_ERROR_PARAM } from "@/lib/http/server-action";

/** Shows why a plain form post was refused (see redirectWithError in lib/http/server-action.ts). */
export async function ActionErrorNotice({
  searchParams,
}: {
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const value = searchParams[ACTION_ERROR_PARAM];
  const code = typeof value === "string" && value in errorStatus ? (value as ErrorCode) : null;
  if (!code) return null;
  const t = await getTranslations("actionErrors");
  return (
    <p
      role="alert"
      data-testid="action-error"
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      {t(code)}
    </p>
  );
}
