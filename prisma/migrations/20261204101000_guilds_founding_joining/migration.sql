-- CreateEnum
CREATE TYPE "GuildNotificationKind" AS ENUM ('JOIN_REQUESTED', 'JOIN_APPROVED', 'JOIN_REJECTED');

-- DropIndex
DROP INDEX "guild_members_guild_id_idx";

-- AlterTable
ALTER TABLE "guilds" ADD COLUMN     "created_by" UUID,
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "is_public" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "max_members" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "min_level" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "requires_approval" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tag_key" TEXT;

-- CreateTable
CREATE TABLE "guild_join_requests" (
    "id" UUID NOT NULL,
    "guild_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guild_join_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guild_notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "GuildNotificationKind" NOT NULL,
    "guild_id" UUID NOT NULL,
    "guild_name" TEXT NOT NULL,
    "subject_id" UUID NOT NULL,
    "request_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guild_notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guild_player_levels" (
    "user_id" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guild_player_levels_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE INDEX "guild_join_requests_guild_id_created_at_id_idx" ON "guild_join_requests"("guild_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "guild_join_requests_user_id_idx" ON "guild_join_requests"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "guild_join_requests_guild_id_user_id_key" ON "guild_join_requests"("guild_id", "user_id");

-- CreateIndex
CREATE INDEX "guild_notifications_user_id_created_at_id_idx" ON "guild_notifications"("user_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "guild_members_guild_id_joined_at_user_id_idx" ON "guild_members"("guild_id", "joined_at", "user_id");

-- Guilds made before founding existed keep a null key unless their tag is unique already.
UPDATE "guilds" g SET "tag_key" = upper(g."tag")
WHERE (SELECT count(*) FROM "guilds" o WHERE upper(o."tag") = upper(g."tag")) = 1;

-- CreateIndex
CREATE UNIQUE INDEX "guilds_tag_key_key" ON "guilds"("tag_key");

-- AddForeignKey
ALTER TABLE "guild_join_requests" ADD CONSTRAINT "guild_join_requests_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guilds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

