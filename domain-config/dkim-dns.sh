#!/usr/bin/env bash
# Prints, in zone-file form, the DNS records to publish for the domain Suijin's mail is signed for:
# SPF (which hosts may send), DKIM (the public key of the signing key apply.sh installed) and DMARC.
# The service operator's page app/service/mail-dns.xhtml shows the same.
#
#   dkim-dns.sh [--asadmin PATH] [--host HOST] [--admin-port PORT] [--user USER] [--passwordfile FILE] [--spf-ip IPV4]
#
# --spf-ip: the public IPv4 address the SMTP relay (SUIJIN_MAIL_HOST) sends to the internet from;
# without it the SPF record holds the placeholder <relay-ip>.
set -euo pipefail

asadmin="${SUIJIN_ASADMIN:-asadmin}"
admin_opts=()
spf_ip="<relay-ip>"

die() { echo "dkim-dns.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --asadmin) asadmin="$2"; shift 2 ;;
    --host) admin_opts+=(--host "$2"); shift 2 ;;
    --admin-port) admin_opts+=(--port "$2"); shift 2 ;;
    --user) admin_opts+=(--user "$2"); shift 2 ;;
    --passwordfile) admin_opts+=(--passwordfile "$2"); shift 2 ;;
    --spf-ip) spf_ip="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[ "$spf_ip" = "<relay-ip>" ] || [[ "$spf_ip" =~ ^([0-9]{1,3}\.){3}[0-9]{1,3}(/[0-9]{1,2})?$ ]] \
  || die "--spf-ip $spf_ip: not an IPv4 address (or network, a.b.c.d/n)"
command -v "$asadmin" >/dev/null || die "asadmin not found ($asadmin): pass --asadmin /path/to/payara6/bin/asadmin"

properties="$("$asadmin" --interactive=false "${admin_opts[@]}" list-system-properties 2>&1)" \
  || die "cannot read the domain's system properties (is the domain running?): $properties"
property() { sed -n "s/^$1=//p" <<<"$properties" | head -1; }
domain="$(property 'suijin\.dkim\.domain')"
selector="$(property 'suijin\.dkim\.selector')"
public="$(property 'suijin\.dkim\.public-key')"
[ -n "$domain" ] && [ -n "$selector" ] && [ -n "$public" ] \
  || die "this domain has no DKIM settings or key yet: run domain-config/apply.sh"

# a TXT string holds at most 255 characters: the key goes in several quoted strings
key_strings=""
record="p=$public"
while [ -n "$record" ]; do
  key_strings+=" \"${record:0:250}\""
  record="${record:250}"
done

note=""
[ "$spf_ip" != "<relay-ip>" ] || note=" (replace <relay-ip> with the relay's public IPv4 address)"
cat <<RECORDS
; SPF: who may send mail for $domain$note
$domain. IN TXT "v=spf1 ip4:$spf_ip -all"
; DKIM: the key Suijin signs with (selector $selector)
$selector._domainkey.$domain. IN TXT ( "v=DKIM1; k=rsa;"$key_strings )
; DMARC: quarantine what passes neither; aggregate reports to the rua address (change it to yours)
_dmarc.$domain. IN TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@$domain"
RECORDS
