namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// The security descriptors PowerShell writes for its remoting endpoints. Source: PowerShell/PowerShell
/// <c>src/System.Management.Automation/engine/remoting/commands/CustomShellCommands.cs</c>,
/// <c>PSSessionConfigurationCommandBase</c> (<c>localSDDL</c>, <c>localSDDL_Win8</c>, <c>remoteSDDL</c>,
/// <c>remoteSDDL_Win8</c>; <c>GetLocalSddl</c>/<c>GetRemoteSddl</c> pick the Win8 variants on Windows 6.2 and
/// later), and <c>src/powershell-native/Install-PowerShellRemoting.ps1</c> (BA only).
/// </summary>
public static class DefaultSddl
{
    /// <summary><c>remoteSDDL_Win8</c>: AccessMode Remote (the default) on Windows 8 / Server 2012 and later.</summary>
    public const string Remote = "O:NSG:BAD:P(A;;GA;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)";

    /// <summary><c>localSDDL_Win8</c>: AccessMode Local, also what Disable-PSRemoting writes when an endpoint has no SDDL.</summary>
    public const string Local = "O:NSG:BAD:P(D;;GA;;;NU)(A;;GA;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)";

    /// <summary><c>remoteSDDL</c>: before Windows 8 (no Remote Management Users group).</summary>
    public const string RemotePreWindows8 = "O:NSG:BAD:P(A;;GA;;;BA)(A;;GA;;;IU)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)";

    /// <summary><c>localSDDL</c>: before Windows 8.</summary>
    public const string LocalPreWindows8 = "O:NSG:BAD:P(D;;GA;;;NU)(A;;GA;;;BA)(A;;GA;;;IU)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)";

    /// <summary>The SDDL of the plugin XML in <c>Install-PowerShellRemoting.ps1</c>: administrators only.</summary>
    public const string InstallPowerShellRemotingScript = "O:NSG:BAD:P(A;;GA;;;BA)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)";
}
