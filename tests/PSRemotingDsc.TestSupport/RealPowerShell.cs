namespace PSRemotingDsc.TestSupport;

/// <summary>
/// The pwsh the repository pins as a local dotnet tool (dotnet-tools.json). `dotnet tool restore` puts it in
/// the NuGet package folder; its $PSHOME holds a native pwsh apphost.
/// </summary>
public static class RealPowerShell
{
    public const string Version = "7.6.9";

    public static string? PSHome
    {
        get
        {
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string flavour = OperatingSystem.IsWindows() ? "win" : "unix";
            string home = System.IO.Path.Combine(packages, "powershell", Version, "tools", "net10.0", "any", flavour);
            return File.Exists(System.IO.Path.Combine(home, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh")) ? home : null;
        }
    }

    public static string? Executable => PSHome is { } home ? System.IO.Path.Combine(home, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh") : null;

    public const string MissingReason = "The pinned pwsh " + Version + " dotnet tool is not restored; run 'dotnet tool restore' (the README test command does).";
}
