/** One row of Prisma's `_prisma_migrations` table, as the runner needs it. */
export type MigrationRow = {
  id: string;
  migrationName: string;
  checksum: string;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
};

/** The few database operations the runner needs; one implementation per provider. */
export interface MigrationDriver {
  readonly kind: "sqlite" | "postgresql";
  lock(): Promise<void>;
  unlock(): Promise<void>;
  hasMigrationsTable(): Promise<boolean>;
  /** Tables not managed by the runner: a database holding any is not ours to migrate. */
  otherTables(): Promise<string[]>;
  createMigrationsTable(): Promise<void>;
  rows(): Promise<MigrationRow[]>;
  insertStarted(row: { id: string; migrationName: string; checksum: string }): Promise<void>;
  runScript(sql: string): Promise<void>;
  markFinished(id: string): Promise<void>;
  markFailed(id: string, logs: string): Promise<void>;
  markRolledBack(migrationName: string): Promise<number>;
  close(): Promise<void>;
}
