-- Indexes for building the review queue (bench/queue.ts measures them; EXPLAIN output in the README).

-- DropIndex
DROP INDEX "Card_topicId_idx";

-- DropIndex
DROP INDEX "CardState_userId_state_due_idx";

-- DropIndex
DROP INDEX "ReviewLog_userId_reviewedAt_idx";

-- CreateIndex
CREATE INDEX "Card_topicId_retiredAt_difficulty_id_idx" ON "Card"("topicId", "retiredAt", "difficulty", "id");

-- CreateIndex
CREATE INDEX "CardState_queue_due_idx" ON "CardState"("userId", "state", "due", "suspended", "buriedUntil", "scheduledDays", "cardId");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewedAt_state_idx" ON "ReviewLog"("userId", "reviewedAt", "state");
