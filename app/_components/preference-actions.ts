"use server";

import { revalidatePath } from "next/cache";
import { redirectWithError, serverAction } from "@/lib/http/server-action";
import { localeSchema } from "@/lib/settings/preferences";
import { rememberPreferences } from "@/lib/web/preferences-cookie";
import { currentSession, requireUser } from "@/lib/web/session";

/** The header's language switch: saved to the account when signed in, to a cookie always. */
export const switchLanguageAction = serverAction(
  async function switchLanguage(formData: FormData): Promise<void> {
    const parsed = localeSchema.safeParse(formData.get("locale"));
    if (!parsed.success) return;
    if (await currentSession()) {
      const { repo } = await requireUser();
      await repo.updatePreferences({ locale: parsed.data });
    }
    await rememberPreferences({ locale: parsed.data });
    revalidatePath("/", "layout");
  },
  (failure) => redirectWithError("/", failure),
);
