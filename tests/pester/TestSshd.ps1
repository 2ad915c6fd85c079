# Helpers for Pester tests that need real sshd_config files and a real OpenSSH server on loopback: the PowerShell
# counterpart of tests/PSRemotingDsc.TestSupport (SshdTestEnvironment, RunningSshd, FixtureInstallation).
# Dot-source it from a BeforeAll block.

# Why the real-sshd tests cannot run here, or $null when they can.
function Get-TestSshdSkipReason {
    if ($IsWindows) {
        return 'These tests start the real OpenSSH sshd on loopback; the Windows sshd service is not driven from Pester.'
    }
    if (-not (Find-TestSshd)) {
        return 'No sshd executable found (install openssh-server); the real-sshd tests cannot run.'
    }
    if (-not (Get-Command ssh-keygen -CommandType Application -ErrorAction SilentlyContinue)) {
        return 'ssh-keygen is not installed; a test sshd needs a host key.'
    }
    if (-not (Get-Command ssh -CommandType Application -ErrorAction SilentlyContinue)) {
        return 'The OpenSSH client (ssh) is not installed; PowerShell needs it to open an SSH session.'
    }
    if (-not [Environment]::IsPrivilegedProcess) {
        return 'A test sshd and sshd -t need root (privilege separation); run the tests as root.'
    }
    return $null
}

# The absolute path of sshd (sshd refuses to re-execute from a relative one), or $null.
function Find-TestSshd {
    $command = Get-Command sshd -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($command) { return $command.Source }
    foreach ($candidate in '/usr/sbin/sshd', '/usr/local/sbin/sshd', '/usr/bin/sshd') {
        if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
    }
    return $null
}

# Generates an ed25519 key pair without a passphrase at $Path (and $Path.pub); returns $Path.
function New-TestSshKey {
    param([Parameter(Mandatory)] [string] $Path)
    & ssh-keygen -q -t ed25519 -N '' -f $Path | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "ssh-keygen failed with exit code $LASTEXITCODE for '$Path'." }
    $Path
}

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    try {
        $listener.Start()
        $listener.LocalEndpoint.Port
    }
    finally {
        $listener.Stop()
    }
}

function Test-LoopbackPort {
    param([int] $Port)
    $client = [System.Net.Sockets.TcpClient]::new()
    try {
        $client.ConnectAsync([System.Net.IPAddress]::Loopback, $Port).Wait([TimeSpan]::FromSeconds(2)) -and $client.Connected
    }
    catch {
        $false
    }
    finally {
        $client.Dispose()
    }
}

<#
Writes $Directory/sshd_config: the Debian 12 default sshd_config of tests/fixtures (a realistic file with comments, an
sftp Subsystem and settings), preceded by the lines a private sshd needs: its own host key and pid file, loopback only.
sshd takes the first value of a keyword, so the lines on top win over the fixture's. The fixture's Include of the
machine's /etc/ssh/sshd_config.d is commented out so that the machine's own settings cannot reach the test.
Returns an object with ConfigPath, Directory, HostKey, PidFile and Port.
#>
function New-TestSshdConfig {
    param(
        [Parameter(Mandatory)] [string] $Directory,
        [int] $Port = 0,
        [string[]] $ExtraLines = @()
    )
    New-Item -ItemType Directory -Path $Directory -Force | Out-Null
    $hostKey = New-TestSshKey (Join-Path $Directory 'hostkey')
    if ($Port -eq 0) { $Port = Get-FreeLoopbackPort }
    $pidFile = Join-Path $Directory 'sshd.pid'
    $fixture = Get-Content -Raw (Join-Path $PSScriptRoot '../fixtures/sshd_config/debian12-default.sshd_config')
    $fixture = $fixture -replace '(?m)^Include ', '#Include '
    $lines = @(
        '# Test sshd: loopback only, own host key and pid file.'
        "HostKey $hostKey"
        "PidFile $pidFile"
        'ListenAddress 127.0.0.1'
        "Port $Port"
        'StrictModes no'
        'UsePAM no'
        'PasswordAuthentication no'
    ) + $ExtraLines
    $configPath = Join-Path $Directory 'sshd_config'
    [System.IO.File]::WriteAllText($configPath, ($lines -join "`n") + "`n" + $fixture)
    [pscustomobject]@{
        ConfigPath = $configPath
        Directory  = $Directory
        HostKey    = $hostKey
        PidFile    = $pidFile
        Port       = $Port
    }
}

# Starts sshd in the foreground (-D -e) on the config of New-TestSshdConfig and waits (at most 10 s) until its pid file
# exists and its port accepts connections. Returns the process; stop it with Stop-TestSshd.
function Start-TestSshd {
    param([Parameter(Mandatory)] $Config)
    $sshd = Find-TestSshd
    # sshd refuses to start until its privilege separation directory exists; systemd creates it only for the service.
    New-Item -ItemType Directory -Path '/run/sshd' -Force | Out-Null
    $log = Join-Path $Config.Directory 'sshd.log'
    $process = Start-Process -FilePath $sshd -ArgumentList '-D', '-e', '-f', $Config.ConfigPath -RedirectStandardError $log `
        -RedirectStandardOutput (Join-Path $Config.Directory 'sshd.out') -PassThru
    $deadline = [DateTime]::UtcNow.AddSeconds(10)
    while ([DateTime]::UtcNow -lt $deadline) {
        if ((Test-Path -LiteralPath $Config.PidFile) -and (Test-LoopbackPort $Config.Port)) {
            return $process
        }
        if ($process.HasExited) { break }
        Start-Sleep -Milliseconds 50
    }
    Stop-TestSshd $process
    throw "sshd did not start listening on 127.0.0.1:$($Config.Port) within 10 s. Its log: $(Get-Content -Raw $log -ErrorAction SilentlyContinue)"
}

function Stop-TestSshd {
    param($Process)
    if ($Process -and -not $Process.HasExited) {
        $Process.Kill($true)
        $Process.WaitForExit(10000) | Out-Null
    }
}

<#
Creates $Root/$Version as a fake but real-shaped PowerShell installation, as FixtureInstallation in the xunit tests
does: an executable pwsh script and a real System.Management.Automation.dll whose AssemblyInformationalVersion is
"<version> SHA: <sha>", like PowerShell's own builds. Point PSREMOTINGDSC_PSHOME_ROOTS at $Root to have it discovered.
#>
function New-FixtureInstallation {
    param(
        [Parameter(Mandatory)] [string] $Root,
        [Parameter(Mandatory)] [string] $Version
    )
    $sha = '3a0b9fb386a321f664ab6dd6a39abaf2313c76bf'
    $installation = Join-Path $Root $Version
    New-Item -ItemType Directory -Path $installation -Force | Out-Null
    $pwsh = Join-Path $installation ($IsWindows ? 'pwsh.exe' : 'pwsh')
    [System.IO.File]::WriteAllText($pwsh, "#!/bin/sh`necho 'fixture pwsh'`n")
    if (-not $IsWindows) {
        [System.IO.File]::SetUnixFileMode($pwsh, [System.IO.UnixFileMode]'UserRead, UserWrite, UserExecute, GroupRead, GroupExecute, OtherRead, OtherExecute')
    }

    $name = [System.Reflection.AssemblyName]::new('System.Management.Automation')
    $name.Version = [version]'7.0.0.0'
    $builder = [System.Reflection.Emit.PersistedAssemblyBuilder]::new($name, [object].Assembly)
    $constructor = [System.Reflection.AssemblyInformationalVersionAttribute].GetConstructor([type[]]@([string]))
    $builder.SetCustomAttribute([System.Reflection.Emit.CustomAttributeBuilder]::new($constructor, [object[]]@("$Version SHA: $sha+$sha")))
    $builder.DefineDynamicModule('System.Management.Automation.dll').DefineType('Fixture', [System.Reflection.TypeAttributes]::Public).CreateType() | Out-Null
    $builder.Save((Join-Path $installation 'System.Management.Automation.dll'))
    (Resolve-Path -LiteralPath $installation).ProviderPath
}
