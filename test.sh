#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run execs this). No arguments and no filters on
# purpose: a green run here means every test in every project ran.
#
# Needs: Debian 12 with the .NET SDK (global.json), Node, and network access to apt and NuGet.
# Installs Chromium, PostgreSQL, nginx and caddy from apt when they are missing (root, or sudo).
# Output: per-project counts, then a last line "N passed, N failed, N skipped"; exit status non-zero
# if anything failed, a project did not produce results, or no test ran at all.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
PROJECTS=(tests/Clientele.Analytics.Tests tests/Clientele.Tests tests/Clientele.BrowserTests)
ARTIFACTS="$ROOT/artifacts"
RESULTS="$ARTIFACTS/test-results"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The test processes are short-lived and CPU-bound on two cores: tiered PGO's instrumented code pays off only in long
# steady runs, and a larger first-generation budget means fewer collections of the many short-lived hosts' garbage.
export DOTNET_TieredPGO=0 DOTNET_GCgen0size=0x4000000
# A test process starts about two hundred hosts, and a third of its CPU is the JIT: with write-xor-execute every method
# compiled costs a remapping of its page (the kernel's share of a host start halved without it in a perf profile).
export DOTNET_EnableWriteXorExecute=0
# Browser tests save screenshots/traces here; the directory is gitignored.
export CLIENTELE_ARTIFACTS="$ARTIFACTS"

TIMINGS=()
log() { printf '\n==> %s\n' "$*"; }
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1fs", b - a }'; }
record() { TIMINGS+=("$(printf '%-40s %s' "$1" "$(elapsed "$2")")"); }

# Counts from one TRX file as "passed failed skipped". Errors, timeouts and aborts count as failures
# so a crashed test is never mistaken for a passing one. Skipped tests are not in any counter: the
# VSTest TRX logger leaves notExecuted at 0 for them, so they are total minus executed.
trx_counts() {
    local counters
    counters=$(grep -o '<Counters [^>]*>' "$1" | head -n 1) || true
    attr() { local v; v=$(grep -o " $1=\"[0-9]*\"" <<<"$counters" | grep -o '[0-9]\+') || v=0; echo "${v:-0}"; }
    local skipped=$(( $(attr total) - $(attr executed) ))
    echo "$(attr passed) $(( $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted) )) $skipped"
}

install_prerequisites() {
    local packages=()
    [[ -x /usr/bin/chromium ]] || packages+=(chromium fonts-dejavu-core fonts-liberation)
    # The browser tests' Chromium: its headless shell costs about half the CPU of the full browser run headless.
    [[ -x /usr/lib/chromium/chromium-headless-shell ]] || packages+=(chromium-headless-shell)
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || packages+=(postgresql)
    # The TLS proxy of the behind-a-proxy browser test (deploy/nginx-clientele.conf).
    [[ -x /usr/sbin/nginx ]] || packages+=(nginx-light)
    # The second TLS proxy of that test (deploy/Caddyfile).
    [[ -x /usr/bin/caddy ]] || packages+=(caddy)
    # The loopback SMTP server of the campaign tests.
    /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || packages+=(python3-aiosmtpd)
    if ((${#packages[@]} == 0)); then
        echo "chromium (and its headless shell), PostgreSQL, nginx, caddy and aiosmtpd present; nothing to install"
        return
    fi
    local sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null || { echo "need root or sudo to install: ${packages[*]}" >&2; exit 1; }
        sudo=(sudo env DEBIAN_FRONTEND=noninteractive)
    fi
    echo "installing: ${packages[*]}"
    # Called from step, where set -e does not apply: check each command.
    "${sudo[@]}" apt-get update -q || return
    # Recommends would drag in desktop pieces (printing, notifications) a headless run never uses.
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}"
}

step() {
    local name=$1 start=$EPOCHREALTIME rc=0
    shift
    log "$name"
    "$@" || rc=$?
    echo "-- $name: $(elapsed "$start")"
    record "$name" "$start"
    return "$rc"
}

TOTAL_START=$EPOCHREALTIME
mkdir -p "$ARTIFACTS"
# apt's download and unpacking (about half a minute on a new machine) run beside the build, which needs none of it; the
# tests wait for it after the build.
install_prerequisites >"$ARTIFACTS/install.log" 2>&1 &
INSTALL=$!
wait_prerequisites() {
    local rc=0
    wait "$INSTALL" || rc=$?
    cat "$ARTIFACTS/install.log"
    return "$rc"
}
step "dotnet tool restore" dotnet tool restore
# The OpenAPI lint's spectral, from its lock file; skipped when the installed tree is that lock's already.
openapi_lint_tools() {
    local dir=tools/openapi-lint
    if [[ -x $dir/node_modules/.bin/spectral && ! $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
        echo "spectral installed from the current lock file"
        return
    fi
    (cd "$dir" && npm ci --no-audit --no-fund)
}
# Mostly download and unpacking: it runs beside the build, which keeps both cores busy, and is waited for after it.
openapi_lint_tools >"$ARTIFACTS/npm-ci.log" 2>&1 &
NPM_CI=$!
wait_openapi_lint_tools() {
    local rc=0
    wait "$NPM_CI" || rc=$?
    cat "$ARTIFACTS/npm-ci.log"
    return "$rc"
}
# One compiler server for the whole build (machines that set UseSharedCompilation=false start a compiler, and JIT it,
# for every project): measured 231 -> 172 CPU-s for a clean build of the solution. Shut down after, so it holds no core.
build_solution() {
    local rc=0
    dotnet build Clientele.slnx -c Release -p:UseSharedCompilation=true || rc=$?
    dotnet build-server shutdown >/dev/null 2>&1 || true
    return "$rc"
}
if ! step "dotnet build (Release)" build_solution; then
    # Still end with the summary line, so whatever reads the last line sees a failure.
    echo "build failed: no tests ran" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

if ! step "install prerequisites (beside the build)" wait_prerequisites; then
    echo "installing the prerequisites failed: no tests ran" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
if ! step "npm ci (OpenAPI lint, beside the build)" wait_openapi_lint_tools; then
    echo "npm ci failed: the OpenAPI lint cannot run" >&2
fi
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# The tests' databases, servers and browser profiles live in temporary directories. On a disk every SQLite commit
# waits for its fsync (synchronous=FULL, as the app runs; about 5 ms each on the CI disk under load); in memory the
# same commits are the same code and the same file format without the wait. A crash of the process, which is what
# the durability tests provoke, keeps what was written either way.
if [[ -d /dev/shm && -w /dev/shm ]] && (( $(df -Pk /dev/shm | awk 'NR == 2 { print $4 }') > 4 * 1024 * 1024 )); then
    TEST_TMP=$(mktemp -d /dev/shm/clientele-tests.XXXXXX)
    # Shared like /tmp: initdb and the PostgreSQL servers run as the postgres user and make their folders in it.
    chmod 1777 "$TEST_TMP"
    export TMPDIR=$TEST_TMP
    trap 'rm -rf "$TEST_TMP"' EXIT
    echo "temporary files of the tests in $TEST_TMP (memory)"
fi

# Runs one test project and leaves "passed failed skipped note" in $RESULTS/<name>.counts and its time in .time.
run_tests() {
    local project=$1 name start rc=0 trx passed failed skipped note=""
    name=$(basename "$project")
    start=$EPOCHREALTIME
    log "dotnet test $project"
    # Keep going after a failing project so one run reports every project.
    dotnet test "$project" --no-build -c Release \
        --results-directory "$RESULTS/$name" \
        --logger "trx;LogFileName=$name.trx" \
        --logger "console;verbosity=normal" || rc=$?
    trx="$RESULTS/$name/$name.trx"
    if [[ -f $trx ]]; then
        read -r passed failed skipped < <(trx_counts "$trx")
    else
        passed=0 failed=0 skipped=0 note=" (no TRX produced)"
    fi
    # A non-zero exit with no failed test (host crash, build output missing, bad arguments) must
    # still fail the run, so it counts as one failure.
    if ((rc != 0 && failed == 0)); then
        failed=1 note="$note (dotnet test exited $rc: counted as 1 failure)"
    fi
    ((passed + failed + skipped > 0)) || note="$note (WARNING: no tests ran)"
    echo "$passed $failed $skipped$note" >"$RESULTS/$name.counts"
    elapsed "$start" >"$RESULTS/$name.time"
}

# The API/CLI tests are the run's longest step and keep both cores busy; the browser tests (which wait on Chromium and on
# pages between their steps) and then the math tests run beside them, one after the other, and are done well before it.
# Their output is printed when they end, so each project's log stays whole.
BESIDE=(tests/Clientele.BrowserTests tests/Clientele.Analytics.Tests)
run_beside() {
    local project
    for project in "${BESIDE[@]}"; do
        run_tests "$project" >"$ARTIFACTS/$(basename "$project").log" 2>&1
    done
}
beside_start=$EPOCHREALTIME
run_beside &
BESIDE_PID=$!
for project in "${PROJECTS[@]}"; do
    [[ " ${BESIDE[*]} " == *" $project "* ]] && continue
    start=$EPOCHREALTIME
    run_tests "$project"
    record "test $(basename "$project")" "$start"
done
wait "$BESIDE_PID" || true
for project in "${BESIDE[@]}"; do cat "$ARTIFACTS/$(basename "$project").log"; done
# Until the later of the two chains ends; each project's own time is in the results below.
record "tests beside the API tests (browser, math)" "$beside_start"

SUMMARY=()
total_passed=0 total_failed=0 total_skipped=0
for project in "${PROJECTS[@]}"; do
    name=$(basename "$project")
    if [[ -f $RESULTS/$name.counts ]]; then
        read -r passed failed skipped note <"$RESULTS/$name.counts"
    else
        passed=0 failed=1 skipped=0 note="(the test run left no counts: counted as 1 failure)"
    fi
    SUMMARY+=("$(printf '%-28s %5d passed %5d failed %5d skipped  %s %s' \
        "$name" "$passed" "$failed" "$skipped" "$(cat "$RESULTS/$name.time" 2>/dev/null)" "${note:-}")")
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
done
record "total" "$TOTAL_START"

# The failed tests again, with the first line of their message, at the end of the log: a CI that shows only the log's
# tail must still name what failed.
failed_tests() {
    local trx
    for trx in "$RESULTS"/*/*.trx; do
        [[ -f $trx ]] || continue
        python3 - "$trx" <<'PY' || true
import sys, xml.etree.ElementTree as tree
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for result in tree.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if result.get("outcome") in ("Passed", "NotExecuted"):
        continue
    message = result.find("t:Output/t:ErrorInfo/t:Message", ns)
    first = (message.text or "").strip().splitlines()[0][:300] if message is not None and message.text else ""
    print(f"FAILED {result.get('testName')} ({result.get('duration')}): {first}")
PY
    done
}
((total_failed == 0)) || { log "Failed tests"; failed_tests; }

log "Timings"
printf '%s\n' "${TIMINGS[@]}"
log "Results (TRX files under ${RESULTS#"$ROOT"/})"
printf '%s\n' "${SUMMARY[@]}"
status=0
((total_failed == 0)) || status=1
# A skipped test is a promise nobody checks: the project has none, so one fails the run.
if ((total_skipped > 0)); then
    echo "$total_skipped test(s) skipped: skipping is not allowed here" >&2
    status=1
fi
if ((total_passed + total_failed == 0)); then
    echo "no tests ran" >&2
    status=1
fi
echo
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
exit "$status"
