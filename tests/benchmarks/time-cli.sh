#!/usr/bin/env bash
# Times whole `psremotingdsc test` runs (as dsc starts them: one process per instance) against a
# PowerShell-based equivalent in the same run, with hyperfine. Writes tests/benchmarks/results/cli.md.
#   bash tests/benchmarks/time-cli.sh            (after ./build.sh build; uses the AOT binary too if published)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
if ! command -v hyperfine >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq hyperfine >/dev/null
  else
    echo "hyperfine is required (apt-get install hyperfine)" >&2; exit 1
  fi
fi

pwsh_home=$(dotnet pwsh -NoProfile -Command '$PSHOME')
version=$(dotnet pwsh -NoProfile -Command '$PSVersionTable.PSVersion.ToString()')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
config="$work/sshd_config"
printf '# benchmark\nSubsystem sftp /usr/lib/openssh/sftp-server\nSubsystem powershell-bench %s/pwsh -sshs -NoLogo -NoProfile\n' "$pwsh_home" > "$config"
input="{\"version\":\"$version\",\"name\":\"powershell-bench\",\"transport\":\"ssh\",\"sshdConfigPath\":\"$config\"}"

cat > "$work/equivalent.ps1" <<'PS1'
# What an admin would write without psremotingdsc: find the first Subsystem line of the name and
# check it starts this PowerShell in server mode; print a JSON verdict.
param($ConfigPath, $Name)
$line = Get-Content $ConfigPath | Where-Object { $_ -match "^\s*Subsystem\s+$([regex]::Escape($Name))\s" } | Select-Object -First 1
$ok = $null -ne $line -and $line -match [regex]::Escape((Join-Path $PSHOME 'pwsh')) -and $line -match '\s-sshs(\s|$)'
@{ name = $Name; _inDesiredState = $ok } | ConvertTo-Json -Compress
PS1

commands=(-n "psremotingdsc test (JIT)" "$root/src/PSRemotingDsc.Cli/bin/Release/net10.0/psremotingdsc test --input '$input'")
if [ -x "$root/artifacts/publish/psremotingdsc" ]; then
  commands+=(-n "psremotingdsc test (NativeAOT)" "$root/artifacts/publish/psremotingdsc test --input '$input'")
fi
commands+=(-n "pwsh script equivalent" "$pwsh_home/pwsh -NoProfile -NonInteractive -File $work/equivalent.ps1 -ConfigPath $config -Name powershell-bench")

mkdir -p tests/benchmarks/results
hyperfine --warmup 3 --runs 30 --export-markdown tests/benchmarks/results/cli.md "${commands[@]}"
