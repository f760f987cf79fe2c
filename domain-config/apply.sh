#!/usr/bin/env bash
# Applies Suijin's configuration to a running Payara Server domain: the JDBC driver, password
# aliases, then every asadmin/*.asadmin file in order. Safe to run again: objects that already
# exist are kept and their settings brought up to date.
#
#   apply.sh [--config FILE] [--asadmin PATH] [--host HOST] [--admin-port PORT] [--user USER] [--passwordfile FILE]
#
# Settings come from the environment, then --config FILE, then suijin.conf beside this script.
# Secrets come from the environment or from files, never from the config file:
#   SUIJIN_DB_PASSWORD or SUIJIN_DB_PASSWORD_FILE              application account (SUIJIN_DB_USER)
#   SUIJIN_DB_OWNER_PASSWORD or SUIJIN_DB_OWNER_PASSWORD_FILE  schema owner (SUIJIN_DB_OWNER_USER)
#   SUIJIN_AUDIT_KEY or SUIJIN_AUDIT_KEY_FILE                  audit chain HMAC key (Base64, >= 32 bytes);
#     optional: without it a random key is made once. An existing key is never replaced, since
#     records already written could no longer be verified.
#   SUIJIN_DKIM_KEY_FILE                                       DKIM signing key (RSA, PEM or DER);
#     optional: without it a 2048-bit key is made once (openssl). A given file replaces the key.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
config=""
asadmin="${SUIJIN_ASADMIN:-asadmin}"
admin_opts=()
password_opts=()

die() { echo "apply.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --config) config="$2"; shift 2 ;;
    --asadmin) asadmin="$2"; shift 2 ;;
    --host) admin_opts+=(--host "$2"); shift 2 ;;
    --admin-port) admin_opts+=(--port "$2"); shift 2 ;;
    --user) admin_opts+=(--user "$2"); shift 2 ;;
    --passwordfile) password_opts=(--passwordfile "$2"); shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

# Environment first, then the given file, then the defaults: a file only fills what is unset.
load_defaults() {
  local line key
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    key="${line%%=*}"
    [[ "$key" =~ ^SUIJIN_[A-Z0-9_]+$ ]] || die "$1: not a SUIJIN_ setting: $line"
    [ -n "${!key+x}" ] || export "$key=${line#*=}"
  done < "$1"
}
[ -z "$config" ] || { [ -r "$config" ] || die "cannot read config file $config"; load_defaults "$config"; }
load_defaults "$here/suijin.conf"

# secret NAME: the value of $NAME, else the content of the file named by ${NAME}_FILE
secret() {
  local file="${1}_FILE"
  if [ -z "${!1:-}" ] && [ -n "${!file:-}" ]; then
    [ -r "${!file}" ] || die "cannot read $file ${!file}"
    printf -v "$1" '%s' "$(cat "${!file}")"
  fi
}
secret SUIJIN_DB_PASSWORD
secret SUIJIN_DB_OWNER_PASSWORD
secret SUIJIN_AUDIT_KEY
[ -n "${SUIJIN_DB_PASSWORD+x}" ] || die "set SUIJIN_DB_PASSWORD or SUIJIN_DB_PASSWORD_FILE (the MariaDB password of $SUIJIN_DB_USER)"
[ -n "${SUIJIN_DB_OWNER_PASSWORD+x}" ] || die "set SUIJIN_DB_OWNER_PASSWORD or SUIJIN_DB_OWNER_PASSWORD_FILE (the MariaDB password of $SUIJIN_DB_OWNER_USER)"
[ "$SUIJIN_DB_USER" != "$SUIJIN_DB_OWNER_USER" ] \
  || die "SUIJIN_DB_USER and SUIJIN_DB_OWNER_USER are both $SUIJIN_DB_USER: the application needs an account of its own, which may not change audit records"
[[ "$SUIJIN_AUDIT_RETENTION_DAYS" =~ ^[0-9]+$ ]] && [ "$SUIJIN_AUDIT_RETENTION_DAYS" -ge 365 ] \
  || die "SUIJIN_AUDIT_RETENTION_DAYS=$SUIJIN_AUDIT_RETENTION_DAYS: operation and access records are kept at least 365 days"
[[ "$SUIJIN_RAW_RETENTION_DAYS" =~ ^[0-9]+$ ]] && [ "$SUIJIN_RAW_RETENTION_DAYS" -ge 366 ] \
  || die "SUIJIN_RAW_RETENTION_DAYS=$SUIJIN_RAW_RETENTION_DAYS: raw samples are kept at least 366 days"
[[ "$SUIJIN_ROLLUP_RETENTION_DAYS" =~ ^[0-9]+$ ]] && [ "$SUIJIN_ROLLUP_RETENTION_DAYS" -ge "$SUIJIN_RAW_RETENTION_DAYS" ] \
  || die "SUIJIN_ROLLUP_RETENTION_DAYS=$SUIJIN_ROLLUP_RETENTION_DAYS: hourly and daily statistics are kept at least as long as raw samples ($SUIJIN_RAW_RETENTION_DAYS days)"
[[ "$SUIJIN_LATE_WINDOW_DAYS" =~ ^[0-9]+$ ]] && [ "$SUIJIN_LATE_WINDOW_DAYS" -ge 1 ] && [ "$SUIJIN_LATE_WINDOW_DAYS" -le 90 ] \
  || die "SUIJIN_LATE_WINDOW_DAYS=$SUIJIN_LATE_WINDOW_DAYS: how late a sample may arrive must be 1 to 90 days"
[[ "$SUIJIN_ALARM_MAILS_PER_MINUTE" =~ ^[0-9]+$ ]] && [ "$SUIJIN_ALARM_MAILS_PER_MINUTE" -ge 1 ] \
  && [ "$SUIJIN_ALARM_MAILS_PER_MINUTE" -le 1000 ] \
  || die "SUIJIN_ALARM_MAILS_PER_MINUTE=$SUIJIN_ALARM_MAILS_PER_MINUTE: alarm mails per recipient and minute must be 1 to 1000"
[ "$SUIJIN_DEVICE_TLS" = true ] || [ "$SUIJIN_DEVICE_TLS" = false ] \
  || die "SUIJIN_DEVICE_TLS=$SUIJIN_DEVICE_TLS: must be true (devices post over HTTPS) or false"
if [ -n "${SUIJIN_AUDIT_KEY:-}" ]; then
  decoded="$(printf '%s' "$SUIJIN_AUDIT_KEY" | base64 -d 2>/dev/null | wc -c)" || decoded=0
  [ "$decoded" -ge 32 ] || die "SUIJIN_AUDIT_KEY must be Base64 of at least 32 bytes (e.g. head -c 32 /dev/urandom | base64)"
fi
# DKIM: the signing domain defaults to the sender's, and must align with it for DMARC
from_domain="$(tr '[:upper:]' '[:lower:]' <<<"${SUIJIN_MAIL_FROM##*@}")"
[ -n "$SUIJIN_DKIM_DOMAIN" ] || SUIJIN_DKIM_DOMAIN="$from_domain"
export SUIJIN_DKIM_DOMAIN="$(tr '[:upper:]' '[:lower:]' <<<"$SUIJIN_DKIM_DOMAIN")"
dns_name='^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'
[[ "$SUIJIN_DKIM_DOMAIN" =~ $dns_name ]] \
  || die "SUIJIN_DKIM_DOMAIN=$SUIJIN_DKIM_DOMAIN: not a domain name (leave it empty for the domain of SUIJIN_MAIL_FROM)"
[[ "$SUIJIN_DKIM_SELECTOR" =~ ^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$ ]] \
  || die "SUIJIN_DKIM_SELECTOR=$SUIJIN_DKIM_SELECTOR: must be one DNS label (letters, digits, -)"
case "$from_domain" in
  "$SUIJIN_DKIM_DOMAIN"|*".$SUIJIN_DKIM_DOMAIN") ;;
  *) [[ "$SUIJIN_DKIM_DOMAIN" == *".$from_domain" ]] \
       || die "SUIJIN_DKIM_DOMAIN=$SUIJIN_DKIM_DOMAIN does not match the sender's domain $from_domain (SUIJIN_MAIL_FROM): receivers checking DMARC would refuse the mail" ;;
esac
# dkim_key FILE: the RSA private key in FILE (PEM or DER, PKCS#1 or PKCS#8) as Base64 PKCS#8, or die naming the setting
dkim_key() {
  local form bits
  command -v openssl >/dev/null || die "openssl is needed to read SUIJIN_DKIM_KEY_FILE (install it, e.g. apt-get install openssl)"
  [ -r "$1" ] || die "SUIJIN_DKIM_KEY_FILE=$1: cannot read the file"
  for form in PEM DER; do
    # -passin: an encrypted key fails instead of asking for its passphrase
    bits="$(openssl rsa -inform "$form" -in "$1" -passin pass: -noout -text 2>/dev/null \
      | sed -n '1s/.*(\([0-9]*\) bit.*/\1/p')" || bits=""
    [ -z "$bits" ] || break
  done
  if [ -z "$bits" ]; then
    if openssl pkey -in "$1" -passin pass: -noout 2>/dev/null || openssl pkey -inform DER -in "$1" -noout 2>/dev/null; then
      die "SUIJIN_DKIM_KEY_FILE=$1: not an RSA key (DKIM here signs with rsa-sha256)"
    fi
    die "SUIJIN_DKIM_KEY_FILE=$1: not an unencrypted private key in PEM or DER form"
  fi
  [ "$bits" -ge 1024 ] || die "SUIJIN_DKIM_KEY_FILE=$1: the key has $bits bits; DKIM needs at least 1024 (2048 recommended)"
  [ "$bits" -ge 2048 ] || echo "apply.sh: the DKIM key has $bits bits; 2048 is recommended" >&2
  openssl pkcs8 -topk8 -nocrypt -inform "$form" -in "$1" -passin pass: -outform DER | base64 -w0
}
dkim_given=""
if [ -n "${SUIJIN_DKIM_KEY_FILE:-}" ]; then
  dkim_given="$(dkim_key "$SUIJIN_DKIM_KEY_FILE")" || exit 1
fi
driver="${SUIJIN_JDBC_DRIVER_JAR:-$here/target/lib/mariadb-java-client.jar}"
[ -r "$driver" ] || die "MariaDB JDBC driver not found at $driver: run 'mvn -pl domain-config package' or set SUIJIN_JDBC_DRIVER_JAR"
command -v "$asadmin" >/dev/null || die "asadmin not found ($asadmin): pass --asadmin /path/to/payara6/bin/asadmin"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"

as() { "$asadmin" --interactive=false "${admin_opts[@]}" "${password_opts[@]}" "$@"; }

# One asadmin JVM for many commands; multimode reports failures only in its output.
multimode() {
  local out
  out="$(as multimode --file "$1" 2>&1)" || { echo "$out" >&2; die "asadmin multimode failed"; }
  if grep -q '^Command .* failed\.' <<<"$out"; then
    echo "$out" >&2
    die "some commands failed (see above)"
  fi
  printf '%s\n' "$out"
}

# An admin user without a password lets anyone who reaches the admin port deploy code.
printf 'AS_ADMIN_PASSWORD=\n' > "$work/no-password"
if "$asadmin" --interactive=false "${admin_opts[@]}" --passwordfile "$work/no-password" uptime >/dev/null 2>&1; then
  die "the domain's admin user has an empty password: set one (asadmin change-admin-password), then run apply.sh with --passwordfile"
fi
as uptime >/dev/null 2>&1 \
  || die "cannot reach the domain's admin port with $asadmin ${admin_opts[*]:-} (is the domain running? is --user/--passwordfile right?)"

cat > "$work/list" <<'LIST'
list-password-aliases
list-libraries --type common
list-jvm-options
list-jdbc-connection-pools
list-jdbc-resources
list-javamail-resources
list-threadpools server
list-protocols
list-network-listeners
list-system-properties
LIST
existing="$(multimode "$work/list")"
has() { grep -qxF -- "$1" <<<"$existing"; }
# the device listener's TLS settings are not an object the lists above name (asked on their own:
# a get of something missing fails)
if as get configs.config.server-config.network-config.protocols.protocol.device-protocol.ssl.cert-nickname \
     >/dev/null 2>&1; then
  existing+=$'\n'"ssl:device-listener"
fi

# Password aliases keep secrets out of domain.xml; the pool refers to ${ALIAS=suijin-db-password}.
set_alias() {
  case "$2" in *$'\n'*|*$'\r'*) die "the password for $1 must be one line" ;; esac
  # asadmin reads this file as java.util.Properties: backslashes must be escaped, a leading blank kept
  local value="${2//\\/\\\\}"
  [ "${value:0:1}" != " " ] || value="\\${value}"
  # one password file for asadmin: the admin password (if given) and the alias value
  { [ ${#password_opts[@]} -eq 0 ] || grep -v '^AS_ADMIN_ALIASPASSWORD=' "${password_opts[1]}" || true
    printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$value"; } > "$work/alias"
  if has "$1"; then
    "$asadmin" --interactive=false "${admin_opts[@]}" --passwordfile "$work/alias" update-password-alias "$1" >/dev/null
  else
    "$asadmin" --interactive=false "${admin_opts[@]}" --passwordfile "$work/alias" create-password-alias "$1" >/dev/null
  fi
  rm -f "$work/alias"
  echo "password alias $1 set"
}
set_alias suijin-db-password "$SUIJIN_DB_PASSWORD"
set_alias suijin-db-owner-password "$SUIJIN_DB_OWNER_PASSWORD"
if ! has suijin-audit-key; then
  set_alias suijin-audit-key "${SUIJIN_AUDIT_KEY:-$(head -c 32 /dev/urandom | base64 -w0)}"
elif [ -n "${SUIJIN_AUDIT_KEY:-}" ]; then
  echo "password alias suijin-audit-key exists and is kept (SUIJIN_AUDIT_KEY ignored: replacing it would make the audit trail unverifiable)"
fi

# DKIM key: a given file replaces the key (publish its record again); otherwise one is made once.
# Its public half is kept as a system property, for dkim-dns.sh (the alias cannot be read back).
dkim_new="$dkim_given"
if [ -z "$dkim_new" ] && ! has suijin-dkim-key; then
  command -v openssl >/dev/null || die "openssl is needed to make the DKIM key (or give one in SUIJIN_DKIM_KEY_FILE)"
  # genpkey writes PKCS#1 for DER; the application reads PKCS#8
  dkim_new="$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null \
    | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0)"
  [ -n "$dkim_new" ] || die "openssl could not make a DKIM key"
  echo "DKIM key made (RSA 2048 bits)"
fi
if [ -n "$dkim_new" ]; then
  set_alias suijin-dkim-key "$dkim_new"
  dkim_public="$(printf '%s' "$dkim_new" | base64 -d | openssl pkey -inform DER -pubout -outform DER 2>/dev/null | base64 -w0)"
  as create-system-properties "suijin.dkim.public-key=${dkim_public//=/\\=}" >/dev/null
  echo "DKIM key in use: publish its DNS record (domain-config/dkim-dns.sh, or the service operator's page)"
fi

restart_needed=false
# 58-administration: the metrics endpoint goes, and the admin audit service starts, only at a restart
metrics_on="$(as get-metrics-configuration 2>/dev/null | awk 'NR == 2 { print $1 }')" || true
audit_on="$(as get-admin-audit-configuration 2>/dev/null | awk 'NR == 2 { print $1 }')" || true
if [ "$metrics_on" = true ] || [ "$audit_on" != true ]; then
  restart_needed=true
fi
# switching the device listener between HTTP and HTTPS takes effect only at a restart
device_tls_now="$(as get configs.config.server-config.network-config.protocols.protocol.device-protocol.security-enabled \
  2>/dev/null | sed -n 's/.*security-enabled=//p')" || true
if [ -n "$device_tls_now" ] && [ "$device_tls_now" != "$SUIJIN_DEVICE_TLS" ]; then
  restart_needed=true
  echo "device listener: HTTPS $SUIJIN_DEVICE_TLS (was $device_tls_now)"
fi
# Payara's own /health endpoint, which 55-health.asadmin switches off, changes only at a restart
health_now="$(as get configs.config.server-config.microprofile-healthcheck-configuration.enabled \
  2>/dev/null | sed -n 's/.*enabled=//p')" || true
[ "$health_now" = false ] || restart_needed=true
# a driver of another version is replaced (the installed one's checksum is kept as a system property)
sum="$(sha256sum "$driver" | cut -d' ' -f1)"
if ! has mariadb-java-client.jar || ! has "suijin.jdbc-driver-sha256=$sum"; then
  as add-library --type common "$driver" >/dev/null
  as create-system-properties "suijin.jdbc-driver-sha256=$sum" >/dev/null
  restart_needed=true
  echo "MariaDB JDBC driver installed in the domain's lib"
fi

# ${SUIJIN_X} is replaced by the value; ${SUIJIN_X:q} too, with colons escaped for asadmin
# property lists. Other ${...} (e.g. ${ALIAS=...}) are left for Payara.
for f in "$here"/asadmin/*.asadmin; do
  grep -vE '^[[:space:]]*(#|$)' "$f" | SUIJIN_FILE_="$f" perl -pe '
    s/\$\{(SUIJIN_[A-Z0-9_]+)(:q)?\}/
      defined $ENV{$1} ? ($2 ? $ENV{$1} =~ s{:}{\\\\:}gr : $ENV{$1}) : die "$ENV{SUIJIN_FILE_}: $1 is not set\n"/ge'
done > "$work/all"

# Skip what exists: a create-* whose operand is listed; a JVM option already present. A JVM
# option with another value (e.g. -Xmx512m) is deleted first, so the new one replaces it. A delete-*
# whose operand is gone is skipped too; one that runs takes effect at a restart.
: > "$work/apply"
while IFS= read -r line; do
  read -ra words <<<"$line"
  cmd="${words[0]}"
  name="${words[${#words[@]}-1]}"
  case "$cmd" in
    create-jvm-options)
      has "$name" && continue
      restart_needed=true
      if [[ "$name" == -Xm[xs]* ]]; then pattern="^${name:0:4}"; else pattern="^${name%%=*}(=|$)"; fi
      grep -E -- "${pattern//./\\.}" <<<"$existing" | sed 's/ *-->.*//' | while IFS= read -r old; do
        echo "delete-jvm-options ${old//:/\\\\:}"
      done >> "$work/apply" || true
      ;;
    create-system-properties|set|set-log-levels|set-log-attributes) ;;
    create-ssl) has "ssl:$name" && continue ;;
    create-*) has "$name" && continue ;;
    delete-jvm-options)
      sed 's/ *-->.*//' <<<"$existing" | grep -qxF -- "$name" || continue
      restart_needed=true
      ;;
    delete-*)
      has "$name" || continue
      restart_needed=true
      ;;
  esac
  echo "$line" >> "$work/apply"
done < "$work/all"

applied="$(multimode "$work/apply")"
grep -vE '^(Command .* executed successfully\.|Unable to retrieve infocmp.*|)$' <<<"$applied" || true
echo "Suijin domain configuration applied."
if $restart_needed; then
  echo "RESTART REQUIRED: restart the domain so the JDBC driver, JVM options, device listener, metrics and admin audit settings take effect."
fi
