using System.Text;
using System.Text.Json;
using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Diagnostics;

namespace PSRemotingDsc.Cli;

/// <summary>
/// Writes DSC's simple trace lines (<c>{"info":"..."}</c>) to stderr, filtered by <c>DSC_TRACE_LEVEL</c>
/// (lowercase error|warn|info|debug|trace; default warn, as dsc's own default). When a person runs it at a terminal
/// (stderr is a terminal and <c>DSC_TRACE_LEVEL</c> is unset) the same lines are plain sentences:
/// <c>psremotingdsc: error: ...</c>.
/// </summary>
internal sealed class JsonTraceSink : ITraceSink
{
    public const string LevelVariable = "DSC_TRACE_LEVEL";

    private readonly TextWriter _stderr;
    private readonly TraceLevel _level;
    private readonly bool _plain;

    public JsonTraceSink(TextWriter stderr, string? level, bool plain = false)
    {
        _stderr = stderr;
        _level = Parse(level);
        _plain = plain;
    }

    public bool IsEnabled(TraceLevel level) => level <= _level;

    public void Write(TraceLevel level, string message)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        if (_plain)
        {
            _stderr.WriteLine($"psremotingdsc: {(level == TraceLevel.Warn ? "warning" : Name(level))}: {message}");
            return;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Compact))
        {
            writer.WriteStartObject();
            writer.WriteString(Name(level), message);
            writer.WriteEndObject();
        }

        _stderr.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static TraceLevel Parse(string? level) => level?.Trim().ToUpperInvariant() switch
    {
        "ERROR" => TraceLevel.Error,
        "INFO" => TraceLevel.Info,
        "DEBUG" => TraceLevel.Debug,
        "TRACE" => TraceLevel.Trace,
        _ => TraceLevel.Warn,
    };

    private static string Name(TraceLevel level) => level switch
    {
        TraceLevel.Error => "error",
        TraceLevel.Warn => "warn",
        TraceLevel.Info => "info",
        TraceLevel.Debug => "debug",
        _ => "trace",
    };
}
