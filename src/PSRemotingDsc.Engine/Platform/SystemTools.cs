namespace PSRemotingDsc.Platform;

/// <summary>
/// The system programs psremotingdsc starts, found at their fixed install paths before PATH. dsc replaces the
/// PATH of the resources it starts with <c>DSC_RESOURCE_PATH</c> when that is set (dsc 3.2.3
/// lib/dsc-lib/src/discovery/command_discovery.rs ~168–176), so a PATH lookup alone would silently find nothing.
/// </summary>
public static class SystemTools
{
    /// <summary><c>systemctl</c>: <c>/usr/bin/systemctl</c> or <c>/bin/systemctl</c>, else whatever PATH gives.</summary>
    public static string Systemctl => Find("systemctl", "/usr/bin/systemctl", "/bin/systemctl");

    /// <summary><c>sc.exe</c> in the Windows system directory, else whatever PATH gives.</summary>
    public static string ServiceControl => OperatingSystem.IsWindows()
        ? Find("sc.exe", Path.Join(Environment.SystemDirectory, "sc.exe"))
        : "sc.exe";

    /// <summary>The first of <paramref name="fixedPaths"/> that is a file, else <paramref name="name"/> for a PATH lookup.</summary>
    /// <param name="name">The program's name, as PATH would find it.</param>
    /// <param name="fixedPaths">Where the OS installs it, most likely first.</param>
    public static string Find(string name, params string[] fixedPaths)
    {
        ArgumentNullException.ThrowIfNull(fixedPaths);
        return fixedPaths.FirstOrDefault(File.Exists) ?? name;
    }
}
