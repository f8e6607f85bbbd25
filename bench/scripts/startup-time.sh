#!/usr/bin/env bash
# Measures the time from the README run command (./microreach demo) to the first HTTP 200 on /creators,
# cold (fresh home folder: initdb, migrations, demo generation and import) and warm (second start, same home).
# Usage: bench/scripts/startup-time.sh [PORT]   (builds the jar first so that build time is not counted)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${1:-18080}
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl core,app -am install
home=$(mktemp -d -t microreach-startup-XXXXXX)

measure() {
  local label=$1 start end pid
  start=$(date +%s.%N)
  MICROREACH_HOME="$home" SERVER_PORT=$port ./microreach demo > "$home/$label.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/creators"; do
    if ! kill -0 $pid 2>/dev/null; then echo "server died; see $home/$label.log"; exit 1; fi
    sleep 0.2
  done
  end=$(date +%s.%N)
  printf '%-5s start to first HTTP 200: %6.1f s\n' "$label" "$(echo "$end - $start" | bc)"
  # SIGTERM, not SIGINT: a background job of a non-interactive shell ignores SIGINT (Ctrl+C works in a terminal).
  kill -TERM $pid; wait $pid || true
}

measure cold
measure warm
echo "accounts stored: $(MICROREACH_HOME="$home" ./microreach status --json)"
rm -rf "$home"
