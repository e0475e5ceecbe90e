-- DropIndex
DROP INDEX "outbox_unpublished_idx";

-- CreateIndex
CREATE INDEX "outbox_unpublished_idx" ON "outbox_events"("producer", "published_at", "seq");
