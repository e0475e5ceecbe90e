-- CreateEnum
CREATE TYPE "GuildFoundingStatus" AS ENUM ('PENDING', 'DONE', 'FAILED', 'REFUND_DUE', 'REFUNDED');

-- CreateTable
CREATE TABLE "guild_foundings" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name_key" TEXT NOT NULL,
    "tag_key" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "fee" INTEGER NOT NULL,
    "status" "GuildFoundingStatus" NOT NULL DEFAULT 'PENDING',
    "guild_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guild_foundings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "guild_foundings_user_id_status_idx" ON "guild_foundings"("user_id", "status");

-- CreateIndex
CREATE INDEX "guild_foundings_name_key_status_idx" ON "guild_foundings"("name_key", "status");

-- CreateIndex
CREATE INDEX "guild_foundings_tag_key_status_idx" ON "guild_foundings"("tag_key", "status");

