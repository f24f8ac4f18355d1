import type { Db } from "@/lib/db";

export async function checkDatabase(db: Db): Promise<boolean> {
  try {
    await db.topic.count();
    return true;
  } catch (error) {
    console.error("database health check failed", error);
    return false;
  }
}
