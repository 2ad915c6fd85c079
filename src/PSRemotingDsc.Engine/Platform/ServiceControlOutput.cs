using System.Globalization;
using System.Text.RegularExpressions;

namespace PSRemotingDsc.Platform;

/// <summary>
/// Reads the numbers in <c>sc.exe query</c> / <c>sc.exe qc</c> output. Only the numeric codes are used
/// ("STATE : 4  RUNNING", "START_TYPE : 2   AUTO_START  (DELAYED)"), because the words are localized; the field names
/// (STATE, TYPE, SERVICE_START_NAME, PRIVILEGES) and the account and privilege names are not.
/// </summary>
internal static partial class ServiceControlOutput
{
    internal const int Stopped = 1;
    internal const int StartPending = 2;
    internal const int StopPending = 3;
    internal const int Running = 4;

    /// <summary>sc.exe's exit code when the service does not exist (ERROR_SERVICE_DOES_NOT_EXIST).</summary>
    internal const int ServiceDoesNotExist = 1060;

    /// <summary>sc.exe stop on a service that is not started (ERROR_SERVICE_NOT_ACTIVE).</summary>
    internal const int ServiceNotActive = 1062;

    /// <summary>sc.exe start on a running service (ERROR_SERVICE_ALREADY_RUNNING).</summary>
    internal const int ServiceAlreadyRunning = 1056;

    /// <summary>The STATE code, or null when the output has none.</summary>
    internal static int? ParseState(string output) =>
        StateLine().Match(output) is { Success: true } match ? int.Parse(match.Groups["code"].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The PID of <c>sc.exe queryex</c> output when it is positive, or null.</summary>
    internal static int? ParsePid(string output) =>
        PidLine().Match(output) is { Success: true } match
            && int.TryParse(match.Groups["pid"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int pid)
            && pid > 0
            ? pid
            : null;

    /// <summary>The START_TYPE code mapped to a name; "Unknown" when absent. The registry value DelayedAutostart is not in qc output, only the "(DELAYED)" word.</summary>
    internal static string ParseStartType(string output)
    {
        if (StartTypeLine().Match(output) is not { Success: true } match)
        {
            return "Unknown";
        }

        return int.Parse(match.Groups["code"].Value, CultureInfo.InvariantCulture) switch
        {
            2 when match.Groups["rest"].Value.Contains("DELAYED", StringComparison.OrdinalIgnoreCase) => "AutomaticDelayed",
            2 => "Automatic",
            3 => "Manual",
            4 => "Disabled",
            _ => "Unknown",
        };
    }

    /// <summary>SERVICE_WIN32_OWN_PROCESS: the service has a process of its own.</summary>
    internal const int OwnProcessType = 0x10;

    /// <summary>SERVICE_WIN32_SHARE_PROCESS: the service shares a process (an svchost) with others.</summary>
    internal const int ShareProcessType = 0x20;

    /// <summary>The TYPE code of <c>sc.exe qc</c> output ("TYPE : 20  WIN32_SHARE_PROCESS"; sc.exe prints it in hex), or null.</summary>
    internal static int? ParseServiceType(string output) =>
        TypeLine().Match(output) is { Success: true } match
            && int.TryParse(match.Groups["code"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int type)
            ? type
            : null;

    /// <summary>Whether a TYPE code is own process (0x10, with or without the interactive flag 0x100) and not shared.</summary>
    internal static bool IsOwnProcess(int type) => (type & OwnProcessType) != 0 && (type & ShareProcessType) == 0;

    /// <summary>The SERVICE_START_NAME of <c>sc.exe qc</c> output (the account, "LocalSystem", "NT AUTHORITY\NetworkService"), or null.</summary>
    internal static string? ParseStartName(string output) =>
        StartNameLine().Match(output) is { Success: true } match && match.Groups["name"].Value.Trim() is { Length: > 0 } name ? name : null;

    /// <summary>
    /// The privileges of <c>sc.exe qprivs</c> output: the value of the PRIVILEGES line and of each continuation line
    /// (" : SeImpersonatePrivilege") after it, in order. Empty when the service sets none.
    /// </summary>
    internal static IReadOnlyList<string> ParsePrivileges(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var privileges = new List<string>();
        bool inList = false;
        foreach (string line in output.Split('\n'))
        {
            Match first = PrivilegesLine().Match(line);
            Match next = inList ? ContinuationLine().Match(line) : Match.Empty;
            Match value = first.Success ? first : next;
            if (!value.Success)
            {
                inList = false;
                continue;
            }

            inList = true;
            if (value.Groups["name"].Value.Trim() is { Length: > 0 } name)
            {
                privileges.Add(name);
            }
        }

        return privileges;
    }

    internal static string StateName(int? state) => state switch
    {
        Stopped => "STOPPED",
        StartPending => "START_PENDING",
        StopPending => "STOP_PENDING",
        Running => "RUNNING",
        null => "unknown",
        _ => $"state {state}",
    };

    [GeneratedRegex(@"^\s*STATE\s*:\s*(?<code>\d+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StateLine();

    [GeneratedRegex(@"^\s*PID\s*:\s*(?<pid>\d+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PidLine();

    [GeneratedRegex(@"^\s*TYPE\s*:\s*(?<code>[0-9A-Fa-f]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^\s*SERVICE_START_NAME\s*:(?<name>[^\r\n]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StartNameLine();

    [GeneratedRegex(@"^\s*PRIVILEGES\s*:(?<name>[^\r\n]*)", RegexOptions.CultureInvariant)]
    private static partial Regex PrivilegesLine();

    [GeneratedRegex(@"^\s*:(?<name>[^\r\n]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ContinuationLine();

    [GeneratedRegex(@"^\s*START_TYPE\s*:\s*(?<code>\d+)(?<rest>[^\r\n]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StartTypeLine();
}
