-- AlterEnum
ALTER TYPE "GuildNotificationKind" ADD VALUE 'INVITED';

-- CreateTable
CREATE TABLE "guild_invitations" (
    "id" UUID NOT NULL,
    "guild_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "invited_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guild_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "guild_invitations_user_id_idx" ON "guild_invitations"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "guild_invitations_guild_id_user_id_key" ON "guild_invitations"("guild_id", "user_id");

-- AddForeignKey
ALTER TABLE "guild_invitations" ADD CONSTRAINT "guild_invitations_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guilds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

