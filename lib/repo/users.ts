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

export async function findCredentialsById(db: Db, userId: string): Promise<UserCredentials | null> {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true } });
}

/**
 * Stores a new password hash and ends every other session of the user in one
 * transaction (the session that made the change stays). Returns how many were ended.
 */
export async function replacePasswordHash(
  db: Db,
  input: { userId: string; passwordHash: string; keepSessionId: string },
): Promise<number> {
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: input.userId }, data: { passwordHash: input.passwordHash } }),
    db.session.deleteMany({ where: { userId: input.userId, id: { not: input.keepSessionId } } }),
  ]);
  return ended.count;
}

/**
 * Deletes the user. Every table holding their data (sessions, settings, topic
 * choices, card states, review logs, optimizer jobs) references User with
 * onDelete: Cascade, so the database removes it all in the same statement.
 */
export async function deleteUser(db: Db, userId: string): Promise<void> {
  await db.user.deleteMany({ where: { id: userId } });
}
