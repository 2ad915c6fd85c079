using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>One finished (or killed, or timed-out) run of the real executable: what it got, said and returned.</summary>
public sealed record TrialRun(IReadOnlyList<string> Arguments, int ExitCode, string Stdout, IReadOnlyList<string> StderrLines, TimeSpan Elapsed, bool TimedOut)
{
    /// <summary>The exit code .NET reports for a process ended by SIGKILL (128 + 9).</summary>
    public const int KilledBySigkill = 137;

    public IReadOnlyList<string> StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();

    /// <summary>The messages of the <c>{"error":"..."}</c> lines on stderr; a line that is not such JSON is kept verbatim.</summary>
    public IReadOnlyList<string> Errors => StderrLines.Select(ErrorMessage).OfType<string>().ToList();

    /// <summary>The error id of the first error line (<c>"&lt;ErrorId&gt;: message"</c>), or null.</summary>
    public string? ErrorId => Errors.Select(message => message.Split(':', 2)[0]).FirstOrDefault();

    /// <summary>True when every stderr line is one JSON object with one trace-level key, as dsc expects.</summary>
    public bool StderrIsJsonLines => StderrLines.All(line => TryParseObject(line) is { Count: 1 } trace
        && trace.First().Key is "error" or "warn" or "info" or "debug" or "trace");

    public override string ToString()
    {
        string argv = string.Join(' ', Arguments.Select(arg => arg.Length > 300 ? arg[..300] + $"…({arg.Length} chars)" : arg));
        string stdout = Stdout.Length > 2000 ? Stdout[..2000] + "…" : Stdout;
        string stderr = string.Join(Environment.NewLine, StderrLines.Select(line => line.Length > 2000 ? line[..2000] + "…" : line));
        return $"argv: {argv}{Environment.NewLine}exit: {ExitCode}{(TimedOut ? " (timed out, killed)" : string.Empty)} after {Elapsed.TotalMilliseconds:F0} ms"
            + $"{Environment.NewLine}stdout: {stdout}{Environment.NewLine}stderr: {stderr}";
    }

    private static string? ErrorMessage(string line) => TryParseObject(line) is { } trace
        ? trace["error"] is JsonValue value && value.TryGetValue(out string? message) ? message : null
        : line.Length > 0 ? line : null;

    private static JsonObject? TryParseObject(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
