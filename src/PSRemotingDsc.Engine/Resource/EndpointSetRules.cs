using System.Globalization;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.Resource;

/// <summary>
/// The rules of <c>PSRemotingDsc/EndpointSet</c> that do not depend on a transport's files: which registered endpoints
/// purge may remove, and the set's reason codes. Purge removes only PowerShell 6+ endpoints: never one named
/// <c>Microsoft.PowerShell*</c>, never Windows PowerShell's (its executable, its plugin, or a plugin declaring
/// <c>PSVersion</c> below 6), never a subsystem that does not start pwsh (sftp, internal-sftp, any other program), and never a line whose
/// name holds configuration syntax (it cannot be edited safely).
/// </summary>
internal static class EndpointSetRules
{
    /// <summary>What every set reason code starts with, as Machine Configuration expects: <c>&lt;ResourceName&gt;:&lt;ResourceName&gt;:</c>.</summary>
    public const string CodePrefix = "PSRemotingEndpointSet:PSRemotingEndpointSet:";

    /// <summary>The set's reason for <paramref name="id"/>: the endpoint resource's stable ids, under the set's prefix.</summary>
    public static Reason Create(ReasonId id, string phrase) => new(CodePrefix + id, phrase, "versions");

    /// <summary>Why purge keeps an SSH subsystem, or null when it is a PowerShell 6+ endpoint purge may remove.</summary>
    /// <param name="name">The subsystem name.</param>
    /// <param name="executable">The executable its command starts, as written.</param>
    /// <param name="installation">The installation that executable belongs to, or null.</param>
    public static string? WhySshEndpointIsKept(string name, string executable, PowerShellInstallation? installation)
    {
        if (EndpointProtection.IsWindowsPowerShellName(name))
        {
            return $"its name starts with '{EndpointProtection.WindowsPowerShellNamePrefix}'";
        }

        if (!SshdConfigDocument.IsEditableName(name))
        {
            return "its name holds configuration syntax (quotes, spaces), which psremotingdsc never edits; remove the line by hand";
        }

        string program = ProgramName(executable);
        if (program.Equals("powershell", StringComparison.OrdinalIgnoreCase))
        {
            return $"it starts Windows PowerShell ('{executable}')";
        }

        if (installation is not null)
        {
            return installation.Version.Major >= 6 ? null : $"it starts PowerShell {installation.Version}";
        }

        // pwsh whose installation is gone (or was not found) is still PowerShell 6+; anything else is not ours.
        return program.StartsWith("pwsh", StringComparison.OrdinalIgnoreCase) ? null : $"it does not start PowerShell 6 or later ('{executable}')";
    }

    /// <summary>Why purge keeps a WinRM plugin, or null when it is a PowerShell 6+ endpoint purge may remove.</summary>
    /// <param name="name">The plugin name.</param>
    /// <param name="filename">Its <c>Filename</c>.</param>
    /// <param name="psVersion">Its <c>PSVersion</c> initialization parameter, or null.</param>
    public static string? WhyWSManEndpointIsKept(string name, string? filename, string? psVersion)
    {
        if (EndpointProtection.IsProtected(name, filename))
        {
            return "it belongs to Windows PowerShell";
        }

        string? major = psVersion?.Split('.')[0].Trim();
        return major is not null && int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value < 6
            ? $"it declares PSVersion {psVersion} (Windows PowerShell)"
            : null;
    }

    /// <summary>The file name of <paramref name="executable"/> without <c>.exe</c>, whichever separator it uses.</summary>
    private static string ProgramName(string executable)
    {
        string file = executable[(executable.LastIndexOfAny(['/', '\\']) + 1)..];
        return file.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? file[..^4] : file;
    }
}
