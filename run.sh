#!/usr/bin/env bash
# sdxl-batch launcher: builds the application jar on first use or when a source changed, then replaces this shell
# with the JVM (exec), so Ctrl-C and SIGTERM reach Java and the exit code is the program's own.
# Paths given on the command line (and the defaults prompts/sample.csv, output) are relative to where you run it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/sdxl-batch.jar"

if [[ ! -f "$jar" ]] || [[ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit)" ]]; then
  echo "building sdxl-batch (first run, or the sources changed)..." >&2
  (cd "$here" && ./mvnw -q -B -DskipTests package) >&2
fi

exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
