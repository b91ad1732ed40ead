#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded offline.
# Migrations run through the WASM engine: npm run db:migrate | db:migrate:create | db:status | db:check
echo "migrations run through npm run db:migrate / db:migrate:create / db:status / db:check" >&2
exit 1
