using System.Globalization;
using System.Text.RegularExpressions;

namespace PSRemotingDsc.Platform;

/// <summary>
/// Reads the numbers in <c>sc.exe query</c> / <c>sc.exe qc</c> output. Only the numeric codes are used
/// ("STATE : 4  RUNNING", "START_TYPE : 2   AUTO_START  (DELAYED)"), because the words are localized.
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

    [GeneratedRegex(@"^\s*START_TYPE\s*:\s*(?<code>\d+)(?<rest>[^\r\n]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StartTypeLine();
}
