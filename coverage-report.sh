#!/usr/bin/env bash
# Writes an HTML coverage report of the last ./run-tests.sh run: ReportGenerator, a local .NET tool pinned in
# .config/dotnet-tools.json (restored here, not by the test command), merges the Cobertura files the run kept in
# TestResults/coverage/ and writes TestResults/coverage/html/index.html (the library ILrg and the CLI ILrg.Cli).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

shopt -s nullglob
reports=(TestResults/coverage/*.cobertura.xml)
if [ ${#reports[@]} -eq 0 ]; then
  echo "coverage-report: no Cobertura files in TestResults/coverage/; run ./run-tests.sh first (with coverage)." >&2
  exit 1
fi

dotnet tool restore >/dev/null
rm -rf TestResults/coverage/html
dotnet tool run reportgenerator "-reports:TestResults/coverage/*.cobertura.xml" \
  "-targetdir:TestResults/coverage/html" "-reporttypes:Html" "-assemblyfilters:+ILrg;+ILrg.Cli" \
  "-title:ILrg" "-verbosity:Warning"
echo "coverage-report: $(pwd)/TestResults/coverage/html/index.html (from ${#reports[@]} Cobertura files)"
