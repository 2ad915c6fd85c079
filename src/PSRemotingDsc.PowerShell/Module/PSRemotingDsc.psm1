using assembly ./PSRemotingDsc.PowerShell.dll

# The class-based DSC resource for PowerShell DSC 2.0 (Invoke-DscResource), DSC v3's PowerShell adapter and Azure
# Machine Configuration. Its methods only translate: the engine in PSRemotingDsc.PowerShell.dll decides, in process.
# Properties left unset ($null) are not enforced; Ensure = 'Absent' removes the endpoint.

class PSRemotingEndpointReason {
    [DscProperty()]
    [string] $Code

    [DscProperty()]
    [string] $Phrase
}

[DscResource()]
class PSRemotingEndpoint {
    # The PowerShell version spec: '7', '7.4', '7.4.6', '7-preview'.
    [DscProperty(Key)]
    [string] $Version

    [DscProperty(Key)]
    [ValidateSet('SSH', 'WSMan')]
    [string] $Transport

    # The sshd Subsystem name or the WinRM plugin name; derived from the version when unset.
    [DscProperty()]
    [string] $Name

    [DscProperty()]
    [string] $PSHome

    [DscProperty()]
    [ValidateSet('Present', 'Absent')]
    [string] $Ensure = 'Present'

    [DscProperty()]
    [string] $SshdConfigPath

    [DscProperty()]
    [string[]] $Arguments

    [DscProperty()]
    [ValidateSet('Never', 'IfNeeded', 'Always')]
    [string] $Restart

    [DscProperty()]
    [ValidateSet('Disabled', 'Local', 'Remote')]
    [string] $AccessMode

    [DscProperty()]
    [string] $SecurityDescriptorSddl

    [DscProperty()]
    [string] $SessionConfigurationFile

    [DscProperty()]
    [Nullable[bool]] $RunAsVirtualAccount

    [DscProperty()]
    [Nullable[bool]] $UseSharedProcess

    [DscProperty()]
    [hashtable] $Quotas

    [DscProperty(NotConfigurable)]
    [string] $ResolvedVersion

    [DscProperty(NotConfigurable)]
    [string] $ResolvedPSHome

    [DscProperty(NotConfigurable)]
    [PSRemotingEndpointReason[]] $Reasons

    [PSRemotingEndpoint] Get() {
        $result = [PSRemotingDsc.PowerShell.DscResources.PSRemotingEndpointAdapter]::Get($this)
        $this.WriteTrace($result.Messages)
        return $result.Instance
    }

    [bool] Test() {
        $result = [PSRemotingDsc.PowerShell.DscResources.PSRemotingEndpointAdapter]::Test($this)
        $this.WriteTrace($result.Messages)
        return $result.InDesiredState
    }

    [void] Set() {
        $result = [PSRemotingDsc.PowerShell.DscResources.PSRemotingEndpointAdapter]::Set($this)
        $this.WriteTrace($result.Messages)
    }

    hidden [void] WriteTrace([object[]] $messages) {
        foreach ($message in $messages) {
            switch ($message.Stream) {
                'Warning' { Write-Warning $message.Text }
                'Verbose' { Write-Verbose $message.Text }
                default { Write-Debug $message.Text }
            }
        }
    }
}
