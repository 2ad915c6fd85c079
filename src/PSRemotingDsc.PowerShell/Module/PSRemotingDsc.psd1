@{
    RootModule             = 'PSRemotingDsc.psm1'
    NestedModules          = @('PSRemotingDsc.PowerShell.dll')
    ModuleVersion          = '0.1.0'
    GUID                   = '5f0c7b4e-9a43-4c1e-8f7d-2b6a1d3e9c58'
    Author                 = 'PSRemotingDsc contributors'
    CompanyName            = 'PSRemotingDsc'
    Copyright              = '(c) PSRemotingDsc contributors.'
    Description            = 'Keeps a PowerShell remoting endpoint (SSH Subsystem or WinRM plugin) present for each installed PowerShell version, bound to the right installation, and reports drift. Cmdlets and the class-based DSC resource PSRemotingEndpoint for DSC and Azure Machine Configuration.'
    CompatiblePSEditions   = @('Core')
    PowerShellVersion      = '7.4'
    FormatsToProcess       = @('PSRemotingDsc.format.ps1xml')
    FunctionsToExport      = @()
    CmdletsToExport        = @(
        'Get-PSInstallation'
        'Get-PSRemotingEndpoint'
        'Test-PSRemotingEndpoint'
        'Set-PSRemotingEndpoint'
        'Remove-PSRemotingEndpoint'
        'New-PSRemotingMachineConfigurationPackage'
    )
    VariablesToExport      = @()
    AliasesToExport        = @()
    DscResourcesToExport   = @('PSRemotingEndpoint')
    PrivateData            = @{
        PSData = @{
            Tags         = @('DSC', 'DSCResource', 'DesiredStateConfiguration', 'MachineConfiguration', 'GuestConfiguration', 'Remoting', 'SSH', 'WSMan', 'WinRM', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            # LicenseUri and ProjectUri are left out until the project publishes its repository and licence: a guessed URI would send people nowhere.
            ReleaseNotes = 'First release of the module: Get-PSInstallation, Get-/Test-/Set-/Remove-PSRemotingEndpoint and the class-based DSC resource PSRemotingEndpoint, over the same engine as the psremotingdsc command resource. See CHANGELOG.md.'
        }
    }
}
