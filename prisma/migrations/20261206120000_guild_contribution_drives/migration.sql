-- CreateEnum
CREATE TYPE "ContributionDriveStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'EXPIRED');

-- CreateTable
CREATE TABLE "guild_contribution_drives" (
    "id" UUID NOT NULL,
    "guild_id" UUID NOT NULL,
    "open_guild_id" UUID,
    "started_by" UUID NOT NULL,
    "status" "ContributionDriveStatus" NOT NULL DEFAULT 'ACTIVE',
    "goal" INTEGER NOT NULL,
    "raised" BIGINT NOT NULL DEFAULT 0,
    "bonus_xp" INTEGER NOT NULL,
    "contributor_count" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "guild_contribution_drives_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guild_drive_contributions" (
    "drive_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "coins" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guild_drive_contributions_pkey" PRIMARY KEY ("drive_id","user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "guild_contribution_drives_open_guild_id_key" ON "guild_contribution_drives"("open_guild_id");

-- CreateIndex
CREATE INDEX "guild_contribution_drives_guild_id_started_at_id_idx" ON "guild_contribution_drives"("guild_id", "started_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "guild_drive_contributions_drive_id_coins_updated_at_idx" ON "guild_drive_contributions"("drive_id", "coins" DESC, "updated_at");

-- AddForeignKey
ALTER TABLE "guild_contribution_drives" ADD CONSTRAINT "guild_contribution_drives_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guilds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guild_drive_contributions" ADD CONSTRAINT "guild_drive_contributions_drive_id_fkey" FOREIGN KEY ("drive_id") REFERENCES "guild_contribution_drives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

