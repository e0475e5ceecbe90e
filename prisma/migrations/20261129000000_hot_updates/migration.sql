-- Free space on every page of the two tables the achievements engine rewrites on every batch (a
-- player's row, and their progress rows): the new version of an updated row then stays on its page
-- as a heap-only tuple (HOT) and no index entry is written for it. Takes effect for pages written
-- from now on. (Prisma's schema has no storage parameters; this lives in the migration only.)
ALTER TABLE "achievement_progress" SET (fillfactor = 70);
ALTER TABLE "achievement_players" SET (fillfactor = 70);
