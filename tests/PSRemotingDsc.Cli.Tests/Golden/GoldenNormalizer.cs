using System.Text;
using System.Text.RegularExpressions;

namespace PSRemotingDsc.Cli.Tests.Golden;

/// <summary>
/// Makes a recorded text stable and readable: run-specific paths become placeholders (raw and JSON-escaped), pids,
/// ISO 8601 timestamps and durations become <c>&lt;pid&gt;</c>, <c>&lt;timestamp&gt;</c> and <c>&lt;ms&gt;</c>, and bytes a diff would hide are spelled out
/// (<c>&lt;CR&gt;</c>, <c>&lt;BOM&gt;</c>, <c>&lt;U+0007&gt;</c>, and a missing final newline).
/// </summary>
internal sealed partial class GoldenNormalizer
{
    private readonly List<(string From, string To)> _pairs = [];

    public GoldenNormalizer(IEnumerable<(string Path, string Placeholder)> paths)
    {
        foreach ((string path, string placeholder) in paths)
        {
            _pairs.Add((path, placeholder));
            string escaped = TestPaths.JsonEscaped(path);
            if (escaped != path)
            {
                _pairs.Add((escaped, placeholder));
            }
        }
    }

    /// <summary>The text with placeholders, every line ending in '\n'.</summary>
    public string Normalize(string text)
    {
        foreach ((string from, string to) in _pairs)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        text = Pid().Replace(text, "${word} <pid>");
        text = Timestamp().Replace(text, "<timestamp>");
        text = Duration().Replace(text, "<ms>");
        return Visible(text);
    }

    private static string Visible(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(c switch
            {
                '\r' => "<CR>",
                '\uFEFF' => "<BOM>",
                '\n' or '\t' => c.ToString(),
                _ when char.IsControl(c) => $"<U+{(int)c:X4}>",
                _ => c.ToString(),
            });
        }

        if (builder.Length > 0 && builder[^1] != '\n')
        {
            builder.Append("<no newline at end>\n");
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(?<word>\bpid|\bprocess|\bPID) \d+")]
    private static partial Regex Pid();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\b\d+(\.\d+)? ?ms\b")]
    private static partial Regex Duration();
}
