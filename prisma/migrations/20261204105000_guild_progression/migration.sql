-- AlterTable
ALTER TABLE "guild_members" ADD COLUMN     "contributed" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "guilds" ADD COLUMN     "level" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "xp" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "guild_contributions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "guild_id" UUID NOT NULL,
    "coins" INTEGER NOT NULL,
    "request_key" TEXT NOT NULL,
    "status" "GuildFoundingStatus" NOT NULL DEFAULT 'PENDING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guild_contributions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "guild_contributions_user_id_request_key_key" ON "guild_contributions"("user_id", "request_key");

