<#
.SYNOPSIS
    Writes the Machine Configuration package of PSRemotingEndpoint.ps1 (PSRemotingSsh.zip) with the built module,
    without PSDesiredStateConfiguration or GuestConfiguration. `./build.sh mc-package` runs it.
.PARAMETER OutputPath
    The folder the zip is written to.
.PARAMETER Type
    Audit or AuditAndSet.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $OutputPath,

    [ValidateSet('Audit', 'AuditAndSet')]
    [string] $Type = 'AuditAndSet'
)

$ErrorActionPreference = 'Stop'
$repository = Resolve-Path (Join-Path $PSScriptRoot '../..')
$manifest = Get-ChildItem (Join-Path $repository 'out/PSRemotingDsc') -Filter PSRemotingDsc.psd1 -Recurse |
    Sort-Object { [version]$_.Directory.Name } -Descending | Select-Object -First 1
if (-not $manifest) {
    throw "The module is not built: run 'dotnet build PSRemotingDsc.sln -c Release' (or ./build.sh mc-package) first."
}

Import-Module $manifest.FullName -Force
# The same instance as the configuration block in PSRemotingEndpoint.ps1.
New-PSRemotingMachineConfigurationPackage -Name PSRemotingSsh -Type $Type -Path $OutputPath -Force -Endpoint @{
    InstanceName = 'PowerShell7'
    Version      = '7'
    Transport    = 'SSH'
    Ensure       = 'Present'
}
