#!/usr/bin/env bash
# Attack tools against the app on loopback: `npm run test:attack` (build first: `npm run build`).
# Installs sqlmap and wapiti (Debian packages) when absent, starts the built app on 127.0.0.1 with a throwaway PGlite
# and the seeded demo (scripts/e2e-server.ts), runs sqlmap (batch, level 2, risk 1, bounded) against the search API,
# the catalog search page and the login form, and wapiti (modules sql,xss,exec,file,crlf,redirect,csrf + header checks,
# bounded time) against the site, replays the hand-made requests of the outside probe (issue #17: form field bombs,
# huge bodies, forged Host headers, bad URLs, headers), then summarises the findings by severity. Target: 0 high.
# Not part of `npm test`.
# Traffic goes to 127.0.0.1 only; every tool run is capped with `timeout`.
set -u -o pipefail
cd "$(dirname "$0")/.."

SQLMAP_SECONDS=${ATTACK_SQLMAP_SECONDS:-240}
WAPITI_SECONDS=${ATTACK_WAPITI_SECONDS:-420}

if ! command -v sqlmap >/dev/null || ! command -v wapiti >/dev/null; then
  echo "installing sqlmap and wapiti (apt)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlmap wapiti >/dev/null
fi

OUT=$(mktemp -d /tmp/snabmost-attack-XXXXXX)
DATA=$(mktemp -d /tmp/snabmost-attack-data-XXXXXX)
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
BASE="http://127.0.0.1:${PORT}"
echo "app: ${BASE} (data ${DATA}), reports in ${OUT}"

PORT=$PORT HOST=127.0.0.1 DATA_DIR=$DATA LOG_LEVEL=fatal RATE_LIMIT_PER_MINUTE=1000000 \
  node --import tsx scripts/e2e-server.ts >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
cleanup() {
  kill -TERM "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  rm -rf "$DATA"
}
trap cleanup EXIT

for _ in $(seq 1 180); do
  curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "$BASE/healthz" >/dev/null || { echo "the app did not start"; cat "$OUT/server.log"; exit 1; }

# ─── The outside probe of issue #17, replayed by hand-made requests (each line: expected answer, or a finding) ───
probe() { # severity, name, condition (a command that succeeds when the defence holds)
  local sev=$1 name=$2
  shift 2
  if "$@"; then echo "NONE probe ${name}: holds" >>"$OUT/probe.txt"; else echo "${sev} probe ${name}: FAILED" >>"$OUT/probe.txt"; fi
}
status_is() { # expected, curl args…
  local want=$1
  shift
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$@")" = "$want" ]
}
fast_400_without_stall() { # x[10000000]=1 once froze the whole server for 9–16 s
  local path=$1 health
  curl -s -o /dev/null -w '%{time_total}' --max-time 20 "$BASE/healthz" >"$OUT/health-time" &
  health=$!
  local out
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 20 \
    --data 'email=a%40b.c&password=x&x[10000000]=1' "$BASE$path")
  wait $health
  [ "${out%% *}" = 400 ] && awk -v t="${out##* }" -v h="$(cat "$OUT/health-time")" 'BEGIN { exit !(t < 2 && h < 2) }'
}
no_evil_in() { ! curl -s --max-time 20 -H 'Host: evil.example' -H 'X-Forwarded-Host: evil.example' "$BASE$1" | grep -q evil.example; }
reset_mail_not_steered() {
  curl -s -o /dev/null --max-time 20 -H 'Host: evil.example' -H 'X-Forwarded-Host: evil.example' \
    --data 'email=owner%40balt-energomash.demo' "$BASE/forgot-password"
  for _ in $(seq 1 20); do ls "$DATA"/mail/*owner@balt-energomash.demo* >/dev/null 2>&1 && break; sleep 1; done
  ls "$DATA"/mail/*owner@balt-energomash.demo* >/dev/null 2>&1 && ! grep -rqs evil.example "$DATA/mail"
}
chunked_body_refused() { # 200 MB streamed without Content-Length: 413 once past 1 MB
  [ "$(head -c 209715200 /dev/zero | curl -s -o /dev/null -w '%{http_code}' --max-time 30 -X POST -T - \
    -H 'Content-Type: application/x-www-form-urlencoded' -H 'Transfer-Encoding: chunked' "$BASE/login")" = 413 ]
}
has_header() { curl -s -D - -o /dev/null --max-time 20 "$BASE$1" | grep -qi "^$2"; }

: >"$OUT/probe.txt"
echo "probe replay…"
for path in /login /forgot-password /signup "/reset-password?token=x" /invite/x; do
  probe HIGH "form field x[10000000] on ${path} (400 in < 2 s, /healthz not stalled)" fast_400_without_stall "$path"
done
probe MEDIUM "200 MB declared body to /login → 413" status_is 413 -H 'Content-Length: 209715200' --data 'email=' "$BASE/login"
probe MEDIUM "200 MB chunked body to /login → 413" chunked_body_refused
probe HIGH "forged Host does not steer the password-reset link" reset_mail_not_steered
probe MEDIUM "forged Host not in robots.txt" no_evil_in /robots.txt
probe MEDIUM "forged Host not in sitemap.xml" no_evil_in /sitemap.xml
probe MEDIUM "forged Host not in canonical links" no_evil_in /suppliers/balt-energomash
probe LOW "GET /products/% → 400" status_is 400 "$BASE/products/%"
probe LOW "bad percent-encoding → 400" status_is 400 "$BASE/catalog/%E0%A4%A"
probe LOW "?_data= → 400" status_is 400 "$BASE/?_data="
probe LOW "Permissions-Policy on pages" has_header / permissions-policy
probe LOW "data responses are private, no-store" has_header /catalog.data 'cache-control: private, no-store'
probe LOW "anonymous JSON API call → 401" status_is 401 "$BASE/api/v1/rfqs/x/comparison"
probe LOW "CSRF: same host, other scheme → 403" status_is 403 -H "Origin: https://127.0.0.1:${PORT}" \
  --data 'email=a%40b.c&password=x' "$BASE/login"

SQLMAP_COMMON=(--batch --level=2 --risk=1 --threads=2 --timeout=15 --retries=1 --time-sec=3 --flush-session
  --disable-coloring --output-dir="$OUT/sqlmap")

run_sqlmap() {
  local name=$1
  shift
  echo "sqlmap: ${name}…"
  timeout "$SQLMAP_SECONDS" sqlmap "$@" "${SQLMAP_COMMON[@]}" >"$OUT/sqlmap-${name}.log" 2>&1
  local code=$?
  if grep -aqiE "is vulnerable|appears to be .* injectable|sqlmap identified the following injection point" \
    "$OUT/sqlmap-${name}.log"; then
    echo "HIGH sqlmap ${name}: injectable" >>"$OUT/findings.txt"
  elif [ $code -eq 124 ]; then
    echo "INFO sqlmap ${name}: time limit reached (${SQLMAP_SECONDS}s), nothing injectable found so far" >>"$OUT/findings.txt"
  else
    echo "NONE sqlmap ${name}: $(grep -aoiE "all tested parameters do not appear to be injectable|no parameter\(s\) found for testing" "$OUT/sqlmap-${name}.log" | head -1)" >>"$OUT/findings.txt"
  fi
}

: >"$OUT/findings.txt"
run_sqlmap api-search -u "$BASE/api/v1/search?q=transformator&page=1" -p q,page
run_sqlmap catalog-search -u "$BASE/catalog?q=transformator" -p q
run_sqlmap login -u "$BASE/login" --data "email=buyer%40example.test&password=secret-password&redirectTo=%2F" \
  -p email,password,redirectTo --ignore-code=401,422,429

# start URLs besides the home page: the pages with forms and query parameters (the crawler alone finds few links in
# the server-rendered React markup)
PRODUCT=$(curl -fsS "$BASE/catalog" | grep -oE 'href="/products/[^"?#]+"' | head -1 | cut -d'"' -f2)
STARTS=(-s "$BASE/catalog" -s "$BASE/catalog?q=transformator" -s "$BASE/api/v1/search?q=kabel" -s "$BASE/login"
  -s "$BASE/signup" -s "$BASE/forgot-password" -s "$BASE/suppliers/balt-energomash" -s "$BASE/en/catalog")
[ -n "$PRODUCT" ] && STARTS+=(-s "$BASE$PRODUCT")
echo "wapiti…"
timeout $((WAPITI_SECONDS + 60)) wapiti -u "$BASE/" "${STARTS[@]}" --scope folder -d 3 \
  --max-links-per-page 30 --max-files-per-dir 20 \
  --max-scan-time "$WAPITI_SECONDS" --max-attack-time 90 --flush-session \
  -m "sql,xss,exec,file,crlf,redirect,csrf,http_headers,cookieflags,csp" \
  -f json -o "$OUT/wapiti.json" >"$OUT/wapiti.log" 2>&1
echo "wapiti exit code $?" >>"$OUT/wapiti.log"

python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
levels = {"3": "HIGH", "2": "MEDIUM", "1": "LOW"}
counts = {"HIGH": 0, "MEDIUM": 0, "LOW": 0, "INFO": 0}
rows = []
for line in open(os.path.join(out, "findings.txt")):
    sev, rest = line.strip().split(" ", 1)
    if sev in counts:
        counts[sev] += 1
    rows.append(f"| sqlmap | {sev} | {rest} |")
for line in open(os.path.join(out, "probe.txt")):
    sev, rest = line.strip().split(" ", 1)
    if sev in counts:
        counts[sev] += 1
    rows.append(f"| probe | {sev} | {rest.removeprefix('probe ')} |")
path = os.path.join(out, "wapiti.json")
if os.path.exists(path):
    report = json.load(open(path))
    for section in ("vulnerabilities", "anomalies"):
        for category, items in (report.get(section) or {}).items():
            for v in items:
                sev = levels.get(str(v.get("level")), "INFO") if section == "vulnerabilities" else "INFO"
                counts[sev] += 1
                rows.append(f"| wapiti | {sev} | {category}: {v.get('method','')} {v.get('path','')} — {(v.get('info') or '')[:140]} |")
else:
    rows.append("| wapiti | INFO | no report (see wapiti.log) |")
print("\n| tool | severity | finding |\n|---|---|---|")
print("\n".join(rows) if rows else "| – | – | none |")
print(f"\nsummary: high {counts['HIGH']}, medium {counts['MEDIUM']}, low {counts['LOW']}, info {counts['INFO']}")
sys.exit(1 if counts["HIGH"] else 0)
PY
RESULT=$?
echo "reports: $OUT"
exit $RESULT
