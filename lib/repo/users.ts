import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Locale, Theme } from "@/lib/settings/preferences";
import { isUniqueViolation } from "./prisma-errors";

export type UserCredentials = { id: string; email: string; passwordHash: string };

/** Creates the user and their settings row together. Emails are stored lower-case. */
export async function createUser(
  db: Db,
  input: { email: string; passwordHash: string; locale: Locale; theme: Theme },
): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  try {
    await db.user.create({
      data: {
        id,
        email: input.email,
        passwordHash: input.passwordHash,
        settings: { create: { locale: input.locale, theme: input.theme } },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "CONFLICT",
        "an account with this email already exists",
        { field: "email" },
        { cause: error },
      );
    }
    throw error;
  }
  return { id, email: input.email };
}

/** Looks a user up by the email they type at sign-in (the only lookup not keyed by user id). */
export async function findCredentialsByEmail(db: Db, email: string): Promise<UserCredentials | null> {
  return db.user.findUnique({ where: { email }, select: { id: true, email: true, passwordHash: true } });
}
