-- AlterTable
ALTER TABLE "guilds" ADD COLUMN     "member_count" INTEGER NOT NULL DEFAULT 0;

-- A guild's member count follows its members, in the changing transaction, in the same UPDATE that
-- moves its version on (Prisma does not model triggers): reads get it with the guild row instead of
-- counting members per request (docs/decisions.md, "A guild's member count is a column").
CREATE OR REPLACE FUNCTION guild_members_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW."guild_id" <> OLD."guild_id") THEN
    UPDATE "guilds" SET "version" = "version" + 1, "member_count" = "member_count" - 1 WHERE "id" = OLD."guild_id";
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "guilds" SET "version" = "version" + 1 WHERE "id" = OLD."guild_id";
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."guild_id" <> OLD."guild_id") THEN
    UPDATE "guilds" SET "version" = "version" + 1, "member_count" = "member_count" + 1 WHERE "id" = NEW."guild_id";
  END IF;
  RETURN NULL;
END
$$;

UPDATE "guilds" g SET "member_count" = c.n
FROM (SELECT "guild_id", count(*)::int AS n FROM "guild_members" GROUP BY "guild_id") c
WHERE c."guild_id" = g."id";
