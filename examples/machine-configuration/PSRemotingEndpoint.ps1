<#
    The DSC configuration behind PSRemotingSsh.mof: PowerShell 7 as an SSH remoting subsystem of the machine's sshd,
    for Azure Machine Configuration.

    Compiled with PSDesiredStateConfiguration 2.0.7 (PowerShell 7, PSRemotingDsc on $env:PSModulePath):
        . ./PSRemotingEndpoint.ps1
        PSRemotingSsh -OutputPath ./output      # writes ./output/localhost.mof

    PSRemotingSsh.mof beside this file is what the module's own MOF writer writes for the same block, without
    PSDesiredStateConfiguration (README.md, "Where our MOF and package differ").
#>
Configuration PSRemotingSsh
{
    Import-DscResource -ModuleName PSRemotingDsc -ModuleVersion 0.1.0

    Node localhost
    {
        PSRemotingEndpoint PowerShell7
        {
            Version   = '7'
            Transport = 'SSH'
            Ensure    = 'Present'
        }
    }
}
