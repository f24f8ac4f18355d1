"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { redirectWithError, serverAction } from "@/lib/http/server-action";
import { studyScope } from "@/lib/repo/study";
import { requireUser } from "@/lib/web/session";

const input = z.object({ topicId: z.string().min(1).max(80), paused: z.enum(["true", "false"]) });

/** Pauses or resumes a topic for the signed-in user's reviews; an unknown topic comes back to /topics with a notice. */
export const setTopicPausedAction = serverAction(
  async (formData: FormData): Promise<void> => {
    const { session } = await requireUser();
    const parsed = input.parse({ topicId: formData.get("topicId"), paused: formData.get("paused") });
    await studyScope(db(), session.userId).setTopicPaused(parsed.topicId, parsed.paused === "true");
    revalidatePath("/topics");
  },
  (failure) => redirectWithError("/topics", failure),
);
