-- Chat, complete (issue 15): room settings and membership, message kinds, edits and tombstones,
-- idempotent sends, private inboxes, mutes, reports, and social's projections of blocks and names.
-- CreateEnum
CREATE TYPE "ChatPostPolicy" AS ENUM ('MEMBERS', 'MODERATORS', 'NOBODY');

-- CreateEnum
CREATE TYPE "ChatMemberRole" AS ENUM ('OWNER', 'MEMBER');

-- CreateEnum
CREATE TYPE "ChatMessageKind" AS ENUM ('PLAYER', 'MEMBER_JOINED', 'ANNOUNCEMENT');

-- CreateEnum
CREATE TYPE "ChatReportStatus" AS ENUM ('OPEN', 'RESOLVED');

-- AlterTable
ALTER TABLE "chat_messages" ADD COLUMN     "changed_seq" BIGINT,
ADD COLUMN     "client_message_id" TEXT,
ADD COLUMN     "deleted_at" TIMESTAMPTZ(3),
ADD COLUMN     "deleted_by" UUID,
ADD COLUMN     "edited_at" TIMESTAMPTZ(3),
ADD COLUMN     "kind" "ChatMessageKind" NOT NULL DEFAULT 'PLAYER',
ADD COLUMN     "original_text" TEXT,
ADD COLUMN     "recipient_id" UUID,
ADD COLUMN     "recipient_seq" BIGINT,
ADD COLUMN     "subject_id" UUID,
ALTER COLUMN "author_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "chat_rooms" ADD COLUMN     "guild_id" UUID,
ADD COLUMN     "last_activity_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "last_event_seq" BIGINT,
ADD COLUMN     "member_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pair_key" TEXT,
ADD COLUMN     "post_policy" "ChatPostPolicy" NOT NULL DEFAULT 'MEMBERS',
ADD COLUMN     "slow_mode_seconds" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "chat_room_members" (
    "room_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "ChatMemberRole" NOT NULL DEFAULT 'MEMBER',
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_read_seq" BIGINT NOT NULL DEFAULT 0,
    "last_read_at" TIMESTAMPTZ(3),

    CONSTRAINT "chat_room_members_pkey" PRIMARY KEY ("room_id","user_id")
);

-- CreateTable
CREATE TABLE "chat_mutes" (
    "room_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "muted_by" UUID NOT NULL,
    "muted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "chat_mutes_pkey" PRIMARY KEY ("room_id","user_id")
);

-- CreateTable
CREATE TABLE "chat_reports" (
    "id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "room_id" UUID NOT NULL,
    "reporter_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ChatReportStatus" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by" UUID,
    "resolution" TEXT,

    CONSTRAINT "chat_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "social_blocks" (
    "blocker_id" UUID NOT NULL,
    "blocked_id" UUID NOT NULL,
    "blocked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "social_blocks_pkey" PRIMARY KEY ("blocker_id","blocked_id")
);

-- CreateTable
CREATE TABLE "social_players" (
    "user_id" UUID NOT NULL,
    "display_name" TEXT NOT NULL,

    CONSTRAINT "social_players_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "chat_inboxes" (
    "user_id" UUID NOT NULL,
    "last_seq" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "chat_inboxes_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE INDEX "chat_room_members_user_id_idx" ON "chat_room_members"("user_id");

-- CreateIndex
CREATE INDEX "chat_reports_status_created_at_id_idx" ON "chat_reports"("status", "created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "chat_reports_message_id_reporter_id_key" ON "chat_reports"("message_id", "reporter_id");

-- CreateIndex
CREATE INDEX "chat_messages_room_id_changed_seq_idx" ON "chat_messages"("room_id", "changed_seq");

-- CreateIndex
CREATE INDEX "chat_messages_author_id_room_id_seq_idx" ON "chat_messages"("author_id", "room_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "chat_messages_author_id_client_message_id_key" ON "chat_messages"("author_id", "client_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "chat_messages_recipient_id_recipient_seq_key" ON "chat_messages"("recipient_id", "recipient_seq");

-- CreateIndex
CREATE UNIQUE INDEX "chat_rooms_guild_id_key" ON "chat_rooms"("guild_id");

-- CreateIndex
CREATE UNIQUE INDEX "chat_rooms_pair_key_key" ON "chat_rooms"("pair_key");

-- AddForeignKey
ALTER TABLE "chat_room_members" ADD CONSTRAINT "chat_room_members_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "chat_rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Existing rooms: their newest change is their newest message, their activity its time.
UPDATE "chat_rooms" SET "last_event_seq" = "last_seq";
UPDATE "chat_rooms" r SET "last_activity_at" = m.sent_at
FROM (SELECT "room_id", max("sent_at") AS sent_at FROM "chat_messages" GROUP BY "room_id") m
WHERE m."room_id" = r."id";
