<#
.SYNOPSIS
    Times the PowerShell module in the real pwsh against the NativeAOT CLI, for the same endpoint test, and writes
    tests/benchmarks/results/module.md:
      - Import-Module of out/PSRemotingDsc/<version>/ in a fresh pwsh (measured inside the process, so the pwsh
        start-up is not counted), and the whole `pwsh -c Import-Module` process against `pwsh -c exit`;
      - the class resource's Test() on a loaded module: the first call of a process, then warm calls;
      - Test-PSRemotingEndpoint on a loaded module;
      - one `psremotingdsc test` process of the NativeAOT binary (artifacts/publish), started from pwsh as dsc starts it.
    Run after `dotnet build PSRemotingDsc.sln -c Release` and `./build.sh publish`:
        dotnet pwsh -NoProfile -File tests/benchmarks/time-module.ps1
#>
[CmdletBinding()]
param(
    [int] $Processes = 15,
    [int] $Calls = 2000
)

$ErrorActionPreference = 'Stop'
$repository = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$manifest = Get-ChildItem (Join-Path $repository 'out/PSRemotingDsc') -Filter PSRemotingDsc.psd1 -Recurse | Select-Object -First 1
$aot = Join-Path $repository 'artifacts/publish/psremotingdsc'
if (-not $manifest) { throw 'Build the module first: dotnet build PSRemotingDsc.sln -c Release' }
if (-not (Test-Path $aot)) { throw 'Publish the NativeAOT binary first: ./build.sh publish' }
$pwsh = Join-Path $PSHOME 'pwsh'

function Get-Statistics([double[]] $Values) {
    $sorted = [double[]]($Values | Sort-Object)
    [pscustomobject]@{
        Median = $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)]
        P90    = $sorted[[int][math]::Floor(($sorted.Count - 1) * 0.9)]
        Min    = $sorted[0]
        N      = $sorted.Count
    }
}

function Format-Row([string] $What, $Statistics) {
    '| {0} | {1:N2} | {2:N2} | {3:N2} | {4} |' -f $What, $Statistics.Median, $Statistics.P90, $Statistics.Min, $Statistics.N
}

# An sshd_config with the endpoint of this pwsh's major version present, so that every Test() finds it in the desired state.
$work = Join-Path ([IO.Path]::GetTempPath()) "psremotingdsc-module-bench-$PID"
New-Item -ItemType Directory -Path $work -Force | Out-Null
try {
    $config = Join-Path $work 'sshd_config'
    $major = $PSVersionTable.PSVersion.Major
    Set-Content -LiteralPath $config -Value @(
        'Port 22'
        'Subsystem sftp /usr/lib/openssh/sftp-server'
        "Subsystem powershell-$major $(Join-Path $PSHOME 'pwsh') -sshs -NoLogo -NoProfile"
    )
    $instance = @{ version = "$major"; transport = 'ssh'; sshdConfigPath = $config } | ConvertTo-Json -Compress

    # One fresh pwsh per sample: Import-Module, the first Test(), then warm Test() and cmdlet calls.
    $probe = @'
param($Manifest, $Config, $Major, $Calls)
$watch = [Diagnostics.Stopwatch]::StartNew()
Import-Module $Manifest
$import = $watch.Elapsed.TotalMilliseconds
$resource = & (Get-Module PSRemotingDsc) { [PSRemotingEndpoint]::new() }
$resource.Version = "$Major"; $resource.Transport = 'SSH'; $resource.SshdConfigPath = $Config
$watch.Restart()
if (-not $resource.Test()) { throw 'The endpoint should be in the desired state.' }
$first = $watch.Elapsed.TotalMilliseconds
$warm = foreach ($i in 1..$Calls) { $watch.Restart(); $null = $resource.Test(); $watch.Elapsed.TotalMilliseconds }
$cmdlet = foreach ($i in 1..([math]::Max(1, $Calls / 4))) { $watch.Restart(); $null = Test-PSRemotingEndpoint -Version "$Major" -Transport Ssh -SshdConfigPath $Config; $watch.Elapsed.TotalMilliseconds }
[pscustomobject]@{ Import = $import; First = $first; Warm = $warm; Cmdlet = $cmdlet } | ConvertTo-Json -Compress
'@
    $probePath = Join-Path $work 'probe.ps1'
    Set-Content -LiteralPath $probePath -Value $probe
    $samples = foreach ($i in 1..$Processes) {
        & $pwsh -NoProfile -NonInteractive -File $probePath $manifest.FullName $config $major ($i -eq 1 ? $Calls : 200) 2>$null | ConvertFrom-Json
    }

    # Whole processes, interleaved so that load affects each the same way.
    $importProcess = [System.Collections.Generic.List[double]]::new()
    $emptyProcess = [System.Collections.Generic.List[double]]::new()
    $aotProcess = [System.Collections.Generic.List[double]]::new()
    $watch = [Diagnostics.Stopwatch]::new()
    foreach ($i in 1..$Processes) {
        $watch.Restart(); & $pwsh -NoProfile -NonInteractive -Command 'exit' | Out-Null; $emptyProcess.Add($watch.Elapsed.TotalMilliseconds)
        $watch.Restart(); & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$($manifest.FullName)'" | Out-Null; $importProcess.Add($watch.Elapsed.TotalMilliseconds)
    }
    foreach ($i in 1..($Processes * 10)) {
        $watch.Restart()
        $output = & $aot test --input $instance 2>$null
        $aotProcess.Add($watch.Elapsed.TotalMilliseconds)
        if ($LASTEXITCODE -ne 0 -or -not ($output | ConvertFrom-Json)._inDesiredState) { throw "psremotingdsc test failed: $output" }
    }

    $results = Join-Path $repository 'tests/benchmarks/results/module.md'
    $os = (Get-Content /etc/os-release -ErrorAction SilentlyContinue | Where-Object { $_ -like 'PRETTY_NAME=*' }) -replace '^PRETTY_NAME="?|"$', ''
    @(
        '# The PowerShell module against the NativeAOT CLI: one endpoint test (tests/benchmarks/time-module.ps1)'
        ''
        "Measured $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd')): $([Environment]::ProcessorCount) cores, $os, pwsh $($PSVersionTable.PSVersion), module $($manifest.Directory.Name). Milliseconds."
        'Regenerate with `dotnet pwsh -NoProfile -File tests/benchmarks/time-module.ps1` after a Release build and `./build.sh publish`.'
        ''
        '| What | Median | P90 | Min | N |'
        '|---|---|---|---|---|'
        Format-Row 'Import-Module, inside a fresh pwsh' (Get-Statistics $samples.Import)
        Format-Row 'whole `pwsh -c Import-Module` process' (Get-Statistics $importProcess)
        Format-Row 'whole `pwsh -c exit` process (the floor of the line above)' (Get-Statistics $emptyProcess)
        Format-Row 'first `Test()` of the class resource in a process (JIT)' (Get-Statistics $samples.First)
        Format-Row '`Test()` of the class resource on a loaded module' (Get-Statistics ($samples | ForEach-Object Warm))
        Format-Row '`Test-PSRemotingEndpoint` on a loaded module' (Get-Statistics ($samples | ForEach-Object Cmdlet))
        Format-Row 'one `psremotingdsc test` process, NativeAOT, started from pwsh' (Get-Statistics $aotProcess)
    ) | Set-Content -LiteralPath $results
    Get-Content -LiteralPath $results
}
finally {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
