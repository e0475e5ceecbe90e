-- CreateEnum
CREATE TYPE "FriendState" AS ENUM ('FRIEND', 'INVITE_SENT', 'INVITE_RECEIVED', 'BLOCKED');

-- CreateTable
CREATE TABLE "friendships" (
    "user_id" UUID NOT NULL,
    "other_id" UUID NOT NULL,
    "state" "FriendState" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "friendships_pkey" PRIMARY KEY ("user_id","other_id")
);

-- CreateIndex
CREATE INDEX "friendships_user_id_state_updated_at_idx" ON "friendships"("user_id", "state", "updated_at");
