/** What the seeder must do to make the database match the content files; pure so it is testable alone. */
export type Existing = { id: string; contentHash: string; retiredAt: Date | null };
export type Incoming = { id: string; contentHash: string };
export type SyncPlan = { add: string[]; update: string[]; retire: string[]; unchanged: string[] };

export function planSync(existing: Existing[], incoming: Incoming[]): SyncPlan {
  const current = new Map(existing.map((row) => [row.id, row]));
  const wanted = new Set(incoming.map((item) => item.id));
  const plan: SyncPlan = { add: [], update: [], retire: [], unchanged: [] };
  for (const item of incoming) {
    const row = current.get(item.id);
    if (!row) plan.add.push(item.id);
    // A file that comes back after removal is revived: its history was kept.
    else if (row.contentHash !== item.contentHash || row.retiredAt !== null) plan.update.push(item.id);
    else plan.unchanged.push(item.id);
  }
  for (const row of existing) {
    if (!wanted.has(row.id) && row.retiredAt === null) plan.retire.push(row.id);
  }
  return plan;
}
