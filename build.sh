#!/usr/bin/env bash
# One entry point for people and CI.
#   ./build.sh report   set up, build, and print the drift report of this machine (read-only)
#   ./build.sh test     set up (incl. openssh-server, python3-jsonschema, chromium, ansible-core), build, run every xunit and Pester test
#   ./build.sh publish  NativeAOT build of psremotingdsc into artifacts/publish with its DSC manifest
#   ./build.sh test-aot publish, then run the CLI contract tests (xunit and Pester) against that binary
#   ./build.sh bench    BenchmarkDotNet for the engine, then whole-CLI timings and peak memory (docs/performance.md)
#   ./build.sh mc-package  build the PowerShell module and write the Machine Configuration package of
#                       examples/machine-configuration into artifacts/machine-configuration
# The CLI tests use the JIT build beside them unless PSREMOTINGDSC_CLI_DIR names another folder; against the
# NativeAOT binary (not part of `test`: publishing takes a while):
#   ./build.sh publish && PSREMOTINGDSC_CLI_DIR=$PWD/artifacts/publish dotnet test tests/PSRemotingDsc.Cli.Tests -c Release
# RID=<rid> overrides the runtime identifier publish uses (default: the SDK's, else derived from uname).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
configuration=Release
cli_dir="$root/src/PSRemotingDsc.Cli/bin/$configuration/net10.0"
publish_dir="$root/artifacts/publish"

log() { printf '==> %s\n' "$*" >&2; }

# The portable RID of this machine. `dotnet --info` prints it ("RID: linux-x64"), but SDKs built by a
# distribution print their own (ubuntu.24.04-x64, fedora.41-x64), for which no NativeAOT runtime pack exists.
detect_rid() {
  if [ -n "${RID:-}" ]; then echo "$RID"; return; fi
  local rid os arch
  rid=$(dotnet --info 2>/dev/null | sed -n 's/^ *RID: *//p' | head -n1 | tr -d '[:space:]') || rid=
  case "$rid" in
    linux-x64|linux-arm64|linux-arm|linux-musl-x64|linux-musl-arm64|linux-musl-arm|osx-x64|osx-arm64|win-x64|win-arm64|win-x86)
      echo "$rid"; return ;;
  esac
  case "$(uname -s)" in
    Linux)
      os=linux
      if ldd --version 2>&1 | grep -qi musl; then os=linux-musl; fi ;;
    Darwin) os=osx ;;
    MINGW*|MSYS*|CYGWIN*) os=win ;;
    *) echo "cannot tell the runtime identifier of $(uname -s); set RID=<rid>" >&2; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64|amd64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    armv7l|armv7*) arch=arm ;;
    *) echo "cannot tell the runtime identifier of $(uname -m); set RID=<rid>" >&2; return 1 ;;
  esac
  [ -n "$rid" ] && log "the SDK reports RID '$rid' (not portable); using $os-$arch"
  echo "$os-$arch"
}

# NativeAOT publish into artifacts/publish. Trim/AOT warnings (IL2xxx/IL3xxx) are errors: TreatWarningsAsErrors
# reaches ILC as --warnaserror.
publish() {
  dotnet tool restore >/dev/null
  local rid
  rid=$(detect_rid)
  rm -rf "$publish_dir"
  log "publishing NativeAOT ($rid)"
  dotnet publish src/PSRemotingDsc.Cli -c Release -r "$rid" -p:PublishAot=true -o "$publish_dir" --nologo
  local exe="$publish_dir/psremotingdsc"
  case "$rid" in win-*) exe="$exe.exe" ;; esac
  [ -f "$publish_dir/psremotingdsc.dsc.resource.json" ] || { echo "the manifest is missing beside $exe" >&2; exit 1; }
  [ -f "$publish_dir/psremotingdsc.endpointset.dsc.resource.json" ] || { echo "the EndpointSet manifest is missing beside $exe" >&2; exit 1; }
  "$exe" manifest >/dev/null || { echo "$exe does not run" >&2; exit 1; }
  log "published $exe ($rid, $(du -k "$exe" | cut -f1) KiB) with its manifest"
}

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

# Python's jsonschema is the second, independent validator of the instance schema and the examples
# (tests/PSRemotingDsc.Cli.Tests/Contract/InstanceSchemaTests.cs); without it those tests are skipped.
install_python_jsonschema() {
  if ! command -v python3 >/dev/null 2>&1 || python3 -c 'import jsonschema' >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing python3-jsonschema (Debian package) for the instance schema tests"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null; } \
      || log "python3-jsonschema could not be installed; the tests that need it will be skipped"
  else
    log "python3 has no jsonschema module and it cannot be installed here; the tests that need it will be skipped"
  fi
}

# Headless Chromium runs the HTML report's script in the report tests (tests/PSRemotingDsc.Cli.Tests/Report/HtmlChromiumTests.cs);
# without it that test is skipped.
install_chromium() {
  if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing chromium (Debian package) for the HTML report test"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || log "chromium could not be installed; the HTML report test will be skipped"
  else
    log "chromium is not installed and cannot be installed here; the HTML report test will be skipped"
  fi
}

# ansible-core runs the collection in ansible/ against loopback hosts (tests/PSRemotingDsc.Cli.Tests/Ansible); without
# it that test is skipped. Debian's package, without its recommendation `ansible` (the community collections): the
# collection uses ansible.builtin only.
install_ansible() {
  if command -v ansible-playbook >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ansible-core (Debian package) for the Ansible fleet test"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ansible-core >/dev/null; } \
      || log "ansible-core could not be installed; the Ansible fleet test will be skipped"
  else
    log "ansible-playbook is not installed and cannot be installed here; the Ansible fleet test will be skipped"
  fi
}

# sshd -t refuses every file until its privilege separation directory exists; systemd creates it when the service
# starts, so a container or CI machine where sshd never ran lacks it.
prepare_sshd() {
  install_openssh_server
  if [ "$(id -u)" = 0 ] && [ -d /etc/ssh ]; then mkdir -p /run/sshd; fi
}

build() {
  log "restoring the pinned tools (PowerShell $(sed -n 's/.*"version": "\(7[^"]*\)".*/\1/p' dotnet-tools.json | head -n1)) and packages"
  dotnet tool restore >/dev/null
  quietly "restore" dotnet restore PSRemotingDsc.sln --nologo -v quiet
  log "building ($configuration)"
  quietly "build" dotnet build PSRemotingDsc.sln -c "$configuration" --no-restore --nologo -v quiet -clp:ErrorsOnly
}

# Runs a step with its output kept aside; shows it only when the step fails.
quietly() {
  local step=$1; shift
  local output
  if ! output=$("$@" 2>&1); then
    printf '%s\n' "$output" >&2
    log "$step failed"
    return 1
  fi
}

case "${1:-}" in
  report)
    build
    shift
    "$cli_dir/psremotingdsc" report "$@"
    ;;
  test)
    prepare_sshd
    install_python_jsonschema
    install_chromium
    install_ansible
    build
    mkdir -p TestResults
    rm -f TestResults/*.trx TestResults/pester.xml
    log "xunit"
    xunit_status=0
    # One TRX per test project, named after it: results of one run may not overwrite another's.
    for project in tests/*.Tests/*.Tests.csproj; do
      name=$(basename "$project" .csproj)
      dotnet test "$project" -c "$configuration" --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory TestResults -v quiet || xunit_status=$?
    done
    log "Pester"
    pester_status=0
    PSREMOTINGDSC_CLI="$cli_dir/psremotingdsc" dotnet pwsh -NoProfile -NonInteractive \
      -File tests/pester/Invoke-PesterTests.ps1 -ResultPath TestResults/pester.xml || pester_status=$?
    dotnet pwsh -NoProfile -NonInteractive -File tests/pester/Write-TestSummary.ps1 -ResultsDirectory TestResults
    if [ "$xunit_status" != 0 ] || [ "$pester_status" != 0 ]; then exit 1; fi
    ;;
  publish)
    publish
    ;;
  test-aot)
    prepare_sshd
    install_python_jsonschema
    publish
    build
    results=TestResults/aot
    rm -rf "$results"
    mkdir -p "$results"
    log "xunit: CLI tests against the NativeAOT binary"
    xunit_status=0
    PSREMOTINGDSC_CLI_DIR="$publish_dir" dotnet test tests/PSRemotingDsc.Cli.Tests -c "$configuration" --no-build --nologo \
      --logger "trx;LogFileName=PSRemotingDsc.Cli.Tests.trx" --results-directory "$results" -v quiet || xunit_status=$?
    log "Pester against the NativeAOT binary"
    pester_status=0
    PSREMOTINGDSC_CLI="$publish_dir/psremotingdsc" dotnet pwsh -NoProfile -NonInteractive \
      -File tests/pester/Invoke-PesterTests.ps1 -ResultPath "$results/pester.xml" || pester_status=$?
    dotnet pwsh -NoProfile -NonInteractive -File tests/pester/Write-TestSummary.ps1 -ResultsDirectory "$results" -Projects PSRemotingDsc.Cli.Tests
    if [ "$xunit_status" != 0 ] || [ "$pester_status" != 0 ]; then exit 1; fi
    ;;
  mc-package)
    build
    dotnet pwsh -NoProfile -NonInteractive -File examples/machine-configuration/New-Package.ps1 -OutputPath "$root/artifacts/machine-configuration" "${@:2}" | cat
    ;;
  bench)
    # Extra arguments go to BenchmarkDotNet, e.g. ./build.sh bench --job short. Figures land in tests/benchmarks/results.
    build
    rm -rf BenchmarkDotNet.Artifacts
    dotnet run -c Release --no-build --project tests/PSRemotingDsc.Benchmarks -- --filter '*' --artifacts "$root/BenchmarkDotNet.Artifacts" "${@:2}"
    mkdir -p tests/benchmarks/results
    {
      echo "# Engine benchmarks: sshd_config with 1,000 Subsystem lines, export also with 4,000 (BenchmarkDotNet)"
      echo
      echo "Measured $(date -u +%Y-%m-%d): $(nproc) cores, $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr), .NET SDK $(dotnet --version)."
      echo "Regenerate with \`./build.sh bench\`."
      echo
      cat BenchmarkDotNet.Artifacts/results/*-report-github.md
    } > tests/benchmarks/results/engine.md
    bash tests/benchmarks/time-cli.sh
    ;;
  *)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
    exit 12
    ;;
esac
