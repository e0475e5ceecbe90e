-- CreateTable
CREATE TABLE "analytics_retention_cohorts" (
    "day" DATE NOT NULL,
    "players" INTEGER NOT NULL DEFAULT 0,
    "d1" INTEGER NOT NULL DEFAULT 0,
    "d7" INTEGER NOT NULL DEFAULT 0,
    "d30" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_retention_cohorts_pkey" PRIMARY KEY ("day")
);

-- Backfill from the players' days already stored; the processors keep it from here on.
INSERT INTO "analytics_retention_cohorts" ("day", "players", "d1", "d7", "d30")
SELECT c.day, count(*)::int,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "analytics_daily_players" d WHERE d.user_id = c.user_id AND d.day = c.day + 1))::int,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "analytics_daily_players" d WHERE d.user_id = c.user_id AND d.day = c.day + 7))::int,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "analytics_daily_players" d WHERE d.user_id = c.user_id AND d.day = c.day + 30))::int
FROM (SELECT user_id, (first_seen_at AT TIME ZONE 'UTC')::date AS day FROM "analytics_players") AS c
GROUP BY c.day;
