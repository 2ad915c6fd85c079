using System.Text.Encodings.Web;
using System.Text.Json;

namespace PSRemotingDsc.Cli.Contract;

/// <summary>
/// How psremotingdsc writes JSON: compact, UTF-8, without escaping apostrophes and non-ASCII letters so a
/// phrase reads the same in a log as in the report. Still valid JSON; it never goes into HTML.
/// </summary>
internal static class JsonOutput
{
    public static JsonWriterOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonWriterOptions Indented { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static JsonSerializerOptions IndentedNodes { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static JsonSerializerOptions CompactNodes { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
