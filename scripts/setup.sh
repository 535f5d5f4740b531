#!/usr/bin/env bash
# Installs what crmlake needs on a fresh Debian/Ubuntu machine. Each feature lists its own
# needs in scripts/packages/*.list as "command package" pairs; a package is installed only when
# its command is missing, so running this again is cheap and safe.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
need=()
for list in "$here"/packages/*.list; do
  while read -r cmd pkg _; do
    case "$cmd" in ''|'#'*) continue ;; esac
    if [[ "$cmd" == /* ]]; then
      [ -e "$cmd" ] || need+=("$pkg")
    else
      command -v "$cmd" >/dev/null 2>&1 || need+=("$pkg")
    fi
  done < "$list"
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  echo "setup: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
java -version 2>&1 | sed -n 1p
mvn -v 2>/dev/null | sed -n 1p
