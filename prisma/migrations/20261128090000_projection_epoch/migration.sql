-- AlterTable
ALTER TABLE "achievement_players" ADD COLUMN     "projection_epoch" INTEGER NOT NULL DEFAULT 0;
