-- CreateTable
CREATE TABLE "analytics_player_items" (
    "user_id" UUID NOT NULL,
    "item_key" TEXT NOT NULL,
    "strength" INTEGER NOT NULL,
    "completions" INTEGER NOT NULL DEFAULT 0,
    "last_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "analytics_player_items_pkey" PRIMARY KEY ("user_id","item_key")
);

-- CreateTable
CREATE TABLE "analytics_recommender_models" (
    "id" SERIAL NOT NULL,
    "trained_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "players" INTEGER NOT NULL,
    "interactions" INTEGER NOT NULL,
    "popularity" JSONB NOT NULL,

    CONSTRAINT "analytics_recommender_models_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analytics_item_similarities" (
    "model_id" INTEGER NOT NULL,
    "item_key" TEXT NOT NULL,
    "similar_item_key" TEXT NOT NULL,
    "similarity" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "analytics_item_similarities_pkey" PRIMARY KEY ("model_id","item_key","similar_item_key")
);

-- CreateTable
CREATE TABLE "analytics_recommender_schedule" (
    "id" INTEGER NOT NULL,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "analytics_recommender_schedule_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "analytics_item_similarities" ADD CONSTRAINT "analytics_item_similarities_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "analytics_recommender_models"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: interactions in the events ingested before this migration, with the weights of
-- subgraphs/analytics/domain/interactions.ts (from here on the processors add them per batch).
INSERT INTO "analytics_player_items" ("user_id", "item_key", "strength", "completions", "last_at")
SELECT "user_id", "item_key", sum("weight")::int, sum("completion")::int, max("occurred_at")
FROM (
    SELECT "user_id", 'quest:' || ("properties"->>'questId') AS "item_key",
           CASE "name" WHEN 'QUEST_COMPLETED' THEN 3 ELSE 1 END AS "weight",
           CASE "name" WHEN 'QUEST_COMPLETED' THEN 1 ELSE 0 END AS "completion", "occurred_at"
    FROM "analytics_events"
    WHERE "name" IN ('QUEST_STARTED', 'QUEST_COMPLETED') AND "user_id" IS NOT NULL
      AND jsonb_typeof("properties"->'questId') = 'string' AND ("properties"->>'questId') ~ '^[a-z0-9][a-z0-9_-]{0,63}$'
    UNION ALL
    SELECT "user_id", 'character:' || ("properties"->>'characterId'),
           CASE WHEN "name" LIKE '%\_COMPLETED' THEN 2 ELSE 1 END,
           CASE WHEN "name" LIKE '%\_COMPLETED' THEN 1 ELSE 0 END, "occurred_at"
    FROM "analytics_events"
    WHERE "name" IN ('MATCH_STARTED', 'LEVEL_STARTED', 'QUEST_STARTED', 'MATCH_COMPLETED', 'LEVEL_COMPLETED', 'QUEST_COMPLETED') AND "user_id" IS NOT NULL
      AND jsonb_typeof("properties"->'characterId') = 'string' AND ("properties"->>'characterId') ~ '^[a-z0-9][a-z0-9_-]{0,63}$'
) AS "interactions"
GROUP BY "user_id", "item_key";
