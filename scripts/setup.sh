#!/usr/bin/env bash
# Installs what crmlake needs on a fresh Debian/Ubuntu machine: Java 17 and Maven.
# Safe to run again: it only installs what is missing.
set -euo pipefail
need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v /usr/bin/time >/dev/null 2>&1 || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  echo "setup: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
java -version 2>&1 | head -1
mvn -v 2>/dev/null | head -1
