namespace PSRemotingDsc.Versions;

/// <summary>One installed PowerShell.</summary>
/// <param name="Version">The version read from the installation's System.Management.Automation.dll.</param>
/// <param name="PSHome">Full path of the installation directory (<c>$PSHOME</c>), symlinks resolved.</param>
/// <param name="Executable">Full path of <c>pwsh</c> (<c>pwsh.exe</c> on Windows) in <paramref name="PSHome"/>.</param>
/// <param name="Origin">Where it was found: "opt", "usr-local", "PATH", "dotnet-tool (global)", "dotnet-tool (local)", "snap", "ProgramFiles", "registry", "extra-root", "pshome" (the <c>pshome</c> property), "executable" (a Subsystem line's pwsh), "WSMan plugin" (a plugin's configured <c>$PSHOME</c>).</param>
public sealed record PowerShellInstallation(PowerShellVersion Version, string PSHome, string Executable, string Origin)
{
    /// <summary>The origin of an installation found as a dotnet local tool, inside the NuGet package cache.</summary>
    public const string LocalDotnetToolOrigin = "dotnet-tool (local)";

    /// <summary>
    /// Whether it lives in the NuGet package cache (a dotnet local tool): clearing the cache (<c>dotnet nuget locals all
    /// --clear</c>) deletes it, and every endpoint bound to it breaks. Such installations are chosen last.
    /// </summary>
    public bool IsInPackageCache => string.Equals(Origin, LocalDotnetToolOrigin, StringComparison.Ordinal);

    /// <summary>"7.6.9 at /opt/microsoft/powershell/7 (opt)", for messages.</summary>
    public override string ToString() => $"{Version} at {PSHome} ({Origin})";
}
