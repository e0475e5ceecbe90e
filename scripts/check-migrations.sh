#!/usr/bin/env bash
# Fails when prisma/schema and prisma/migrations disagree (a model changed without a migration, or a
# migration that the schema does not reflect). Needs a PostgreSQL server where Prisma may create and
# drop a shadow database (prisma.config.ts does that); DATABASE_URL points at it.
set -euo pipefail
cd "$(dirname "$0")/.."

export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"

set +e
npx --no-install prisma migrate diff \
  --from-migrations prisma/migrations \
  --to-schema-datamodel prisma/schema \
  --exit-code
code=$?
set -e

case "$code" in
  0)
    echo "prisma/migrations match prisma/schema"
    ;;
  2)
    echo >&2
    echo "ERROR: prisma/schema and prisma/migrations disagree (the diff above is what a new migration would contain)." >&2
    echo "Create a migration: npx prisma migrate dev --name <change>  (against a development database), and commit it." >&2
    exit 1
    ;;
  *)
    echo >&2
    echo "ERROR: prisma migrate diff failed (exit code $code); is PostgreSQL reachable at DATABASE_URL?" >&2
    exit 1
    ;;
esac
