#!/usr/bin/env bash
# Verifies Suijin's audit chains from outside the server: walks the operation and access records
# and names the first one that was changed, deleted or inserted out of order.
#
#   verify-audit.sh [--config FILE] [--head-file DOMAIN_DIR/suijin/audit-chain-head]
#
# Database URL and user come from the environment, --config FILE or suijin.conf (as apply.sh); the
# password from SUIJIN_DB_PASSWORD(_FILE), the key from SUIJIN_AUDIT_KEY(_FILE). With --head-file
# (written by the server every 5 minutes) an emptied or rolled-back table is detected too.
# Exit status: 0 verified, 1 a chain is broken, 2 the check could not run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
config=""
head_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --config) config="$2"; shift 2 ;;
    --head-file) head_args=(--head-file "$2"); shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "verify-audit.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
setting() {
  local key="$1" file line
  [ -n "${!key:-}" ] && { printf '%s' "${!key}"; return; }
  for file in ${config:+"$config"} "$here/suijin.conf"; do
    line="$(grep -E "^$key=" "$file" | tail -1 || true)"
    [ -n "$line" ] && { printf '%s' "${line#*=}"; return; }
  done
}
lib="$here/target/lib"
[ -r "$lib/suijin-persistence.jar" ] || { echo "verify-audit.sh: $lib is missing: run 'mvn -pl domain-config -am package'" >&2; exit 2; }
exec java -cp "$lib/suijin-persistence.jar:$lib/mariadb-java-client.jar" jp.suijin.persistence.audit.VerifyAudit \
  --db-url "$(setting SUIJIN_DB_URL)" --user "$(setting SUIJIN_DB_USER)" "${head_args[@]}"
