#!/usr/bin/env bash
# One entry point for people and CI.
#   ./build.sh report   set up, build, and print the drift report of this machine (read-only)
#   ./build.sh test     set up (incl. openssh-server), build, run every xunit and Pester test
#   ./build.sh publish  NativeAOT build of psremotingdsc into artifacts/publish with its DSC manifest
#   ./build.sh bench    BenchmarkDotNet for the engine, then whole-CLI timings against a pwsh equivalent
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
configuration=Release
cli_dir="$root/src/PSRemotingDsc.Cli/bin/$configuration/net10.0"

log() { printf '==> %s\n' "$*" >&2; }

install_openssh_server() {
  if command -v sshd >/dev/null 2>&1 || [ -x /usr/sbin/sshd ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing openssh-server (Debian package) for the end-to-end tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-server openssh-client >/dev/null
  else
    log "sshd is not installed and cannot be installed here; the tests that need a real sshd will be skipped"
  fi
}

build() {
  log "restoring the pinned tools (PowerShell $(sed -n 's/.*"version": "\(7[^"]*\)".*/\1/p' dotnet-tools.json | head -n1)) and packages"
  dotnet tool restore >/dev/null
  dotnet restore PSRemotingDsc.sln --nologo -v quiet
  log "building ($configuration)"
  dotnet build PSRemotingDsc.sln -c "$configuration" --no-restore --nologo -v quiet -clp:ErrorsOnly
}

case "${1:-}" in
  report)
    build
    shift
    "$cli_dir/psremotingdsc" report "$@"
    ;;
  test)
    install_openssh_server
    build
    mkdir -p TestResults
    rm -f TestResults/*.trx TestResults/pester.xml
    log "xunit"
    xunit_status=0
    dotnet test PSRemotingDsc.sln -c "$configuration" --no-build --nologo \
      --logger "trx" --results-directory TestResults -v quiet || xunit_status=$?
    log "Pester"
    pester_status=0
    PSREMOTINGDSC_CLI="$cli_dir/psremotingdsc" dotnet pwsh -NoProfile -NonInteractive \
      -File tests/pester/Invoke-PesterTests.ps1 -ResultPath TestResults/pester.xml || pester_status=$?
    dotnet pwsh -NoProfile -NonInteractive -File tests/pester/Write-TestSummary.ps1 -ResultsDirectory TestResults
    if [ "$xunit_status" != 0 ] || [ "$pester_status" != 0 ]; then exit 1; fi
    ;;
  publish)
    dotnet tool restore >/dev/null
    rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n1)
    dotnet publish src/PSRemotingDsc.Cli -c Release -r "$rid" -p:PublishAot=true -o artifacts/publish --nologo
    log "published artifacts/publish/psremotingdsc ($rid) with its manifest"
    ;;
  bench)
    build
    dotnet run -c Release --project tests/PSRemotingDsc.Benchmarks -- --filter '*' "${@:2}"
    bash tests/benchmarks/time-cli.sh
    ;;
  *)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    exit 12
    ;;
esac
