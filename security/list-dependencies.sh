#!/usr/bin/env bash
# Lists every third-party dependency the build resolves (all modules, all scopes, transitive included) as
# groupId:artifactId:version, and marks the libraries that security/advisories.csv has rows for.
# Use it when updating the advisory list: look each library up in the GitHub Advisory Database or OSV
# (see docs/dependency-advisories.md). Takes about a minute: it compiles the modules so that the reactor
# can resolve them.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -ntp -Dspotless.check.skip=true -Dadvisories.skip=true \
  test-compile dependency:list \
  -DoutputFile=target/dependencies.txt -DappendOutput=false -DoutputAbsoluteArtifactFilename=false >&2

listed=$(tail -n +2 security/advisories.csv | cut -d, -f2 | sort -u)

cat ./*/target/dependencies.txt \
  | sed -n 's/^ *\([^: ]*\):\([^: ]*\):[^: ]*:\([^: ]*\):.*/\1:\2:\3/p' \
  | grep -v '^io\.microreach:' \
  | sort -u \
  | while IFS=: read -r group artifact version; do
      mark="  "
      while read -r coordinate; do
        [ -z "$coordinate" ] && continue
        # shellcheck disable=SC2053 # the coordinate may end in a * wildcard
        if [[ "$group:$artifact" == $coordinate ]]; then mark="* "; break; fi
      done <<< "$listed"
      echo "$mark$group:$artifact:$version"
    done
echo "(* = has rows in security/advisories.csv)" >&2
