"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { redirectWithError, serverAction } from "@/lib/http/server-action";
import { studyScope } from "@/lib/repo/study";
import { requireUser } from "@/lib/web/session";

const tag = z.string().min(1).max(40);
const input = z.object({ all: z.array(tag).max(2000), inStudy: z.array(tag).max(2000) });

/** Saves which tags are in study: every listed tag left unchecked is paused. */
export const setStudyTagsAction = serverAction(
  async (formData: FormData): Promise<void> => {
    const { session } = await requireUser();
    const parsed = input.parse({ all: formData.getAll("tag"), inStudy: formData.getAll("inStudy") });
    const kept = new Set(parsed.inStudy);
    const study = studyScope(db(), session.userId);
    // Tags not on the form (e.g. added to the deck since it was shown) keep their current choice.
    const listed = new Set(parsed.all);
    const before = (await study.pausedTags()).filter((t) => !listed.has(t));
    await study.setPausedTags([...before, ...parsed.all.filter((t) => !kept.has(t))]);
    revalidatePath("/review/custom");
  },
  (failure) => redirectWithError("/review/custom", failure),
);
