-- AlterTable
ALTER TABLE "guilds" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- A guild's version moves on with every change of the guild row or of its members, in the
-- changing transaction (Prisma does not model triggers): cached guild pages name the version they
-- were read at, so an entry whose invalidation failed is never served (docs/decisions.md).
CREATE FUNCTION guilds_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER guilds_bump_version BEFORE UPDATE ON "guilds"
  FOR EACH ROW EXECUTE FUNCTION guilds_bump_version();

CREATE FUNCTION guild_members_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "guilds" SET "version" = "version" + 1 WHERE "id" = OLD."guild_id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."guild_id" <> OLD."guild_id") THEN
    UPDATE "guilds" SET "version" = "version" + 1 WHERE "id" = NEW."guild_id";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER guild_members_bump_version AFTER INSERT OR UPDATE OR DELETE ON "guild_members"
  FOR EACH ROW EXECUTE FUNCTION guild_members_bump_version();
