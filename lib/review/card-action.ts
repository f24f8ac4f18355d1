import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { studyScope, type CardAction } from "@/lib/repo/study";
import { studyDay } from "./next-cards";

/** Applies a card action for one user; "bury" hides the card until the user's next study day. */
export async function applyCardAction(options: {
  db: Db;
  userId: string;
  cardId: string;
  action: CardAction;
  now: Date;
}) {
  const study = studyScope(options.db, options.userId);
  if (!(await study.cardExists(options.cardId)))
    throw new AppError("NOT_FOUND", `card "${options.cardId}" not found`);
  const settings = await study.settings();
  const { nextDayStart } = studyDay(options.now, settings.timeZone, settings.dayStartHour);
  await study.applyCardAction(options.cardId, options.action, options.now, nextDayStart);
}
