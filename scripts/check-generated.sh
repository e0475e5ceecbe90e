#!/usr/bin/env bash
# Fails when the checked-in generated files (codegen resolver types, the composed supergraph and the client-facing
# schema/api.graphql, the typed example client's src/gql/) are stale:
# regenerates everything with `npm run generate`, then asks git whether anything changed.
# The Prisma client in generated/prisma is gitignored and therefore not checked.
set -euo pipefail
cd "$(dirname "$0")/.."

GENERATED_PATHS=(schema subgraphs/*/generated examples/typed-client/src/gql)

npm run generate --silent

# Tracked files that changed, plus untracked generated files that appeared (not ignored ones).
status="$(git status --porcelain --untracked-files=all -- "${GENERATED_PATHS[@]}")"
if [[ -n "$status" ]]; then
  echo >&2
  echo "ERROR: generated files are stale. Run \`npm run generate\` and commit the result." >&2
  echo >&2
  echo "Changed or new generated files:" >&2
  echo "$status" >&2
  echo >&2
  git --no-pager diff --stat -- "${GENERATED_PATHS[@]}" >&2 || true
  exit 1
fi
echo "generated files are up to date"
