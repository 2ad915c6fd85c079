using System.Text;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// The hostile-input table: JSON members added to a valid <c>set</c> of the trial machine's config (written as JSON text,
/// so <c>\\</c> is one backslash and <c>\u0000</c> a NUL), raw stdin bodies, and words that must be accepted but quoted.
/// Exit codes and error ids are decisions already made; a row the code does not meet yet fails.
/// </summary>
public static class HostileInputRows
{
    private const int UnsafeValue = 5;
    private const int InputInvalid = 2;
    private const int PropertyInvalid = 3;
    private const int OneMiB = 1 << 20;

    /// <summary>Rows sent both as dsc sends them (<c>--input</c>) and on stdin.</summary>
    public static readonly IReadOnlyDictionary<string, (string Members, HostileRejection Expected)> Json = new Dictionary<string, (string, HostileRejection)>
    {
        ["apostrophe in an argument"] = ("""  "arguments":["it's"]  """, new([UnsafeValue], "UnsafeValue", MessageNames: "'")),
        ["one backslash in an argument"] = ("""  "arguments":["a\\b"]  """, HostileRejection.Exit(UnsafeValue, "UnsafeValue")),
        ["two backslashes in an argument"] = ("""  "arguments":["x\\\\y"]  """, HostileRejection.Exit(UnsafeValue, "UnsafeValue")),
        ["newline in an argument"] = ("""  "arguments":["a\nb"]  """, HostileRejection.Exit(UnsafeValue, "UnsafeValue")),
        ["carriage return in an argument"] = ("""  "arguments":["a\rb"]  """, HostileRejection.Exit(UnsafeValue, "UnsafeValue")),
        ["NUL in an argument"] = ("""  "arguments":["a\u0000b"]  """, HostileRejection.Exit(UnsafeValue, "UnsafeValue")),
        ["U+0085 next line in an argument"] = ("""  "arguments":["a\u0085b"]  """, HostileRejection.Exit(UnsafeValue, "UnsafeValue")),
        ["U+2028 line separator in an argument"] = ("""  "arguments":["a\u2028b"]  """, HostileRejection.Exit(UnsafeValue, "UnsafeValue")),
        ["U+2029 paragraph separator in an argument"] = ("""  "arguments":["a\u2029b"]  """, HostileRejection.Exit(UnsafeValue, "UnsafeValue")),
        ["U+001B escape in an argument"] = ("""  "arguments":["a\u001b[31mb"]  """, HostileRejection.Exit(UnsafeValue, "UnsafeValue")),
        ["newline in the name"] = ("""  "name":"evil\nPermitRootLogin yes"  """, HostileRejection.Exit(UnsafeValue, "UnsafeValue")),
        ["lone high surrogate in the name"] = ("""  "name":"a\ud800b"  """, new([UnsafeValue, PropertyInvalid], "UnsafeValue", ErrorIdFor: UnsafeValue)),
        ["lone low surrogate in an argument"] = ("""  "arguments":["\udc00"]  """, HostileRejection.Exit(UnsafeValue, "UnsafeValue")),
        ["100,000-character name"] = ($"\"name\":\"{new string('a', 100_000)}\"", HostileRejection.Exit(PropertyInvalid, "NameTooLong")),
    };

    /// <summary>Rows that only stdin can carry (bytes that are not UTF-8, more than an argv string may hold) or that are about stdin.</summary>
    public static readonly IReadOnlyDictionary<string, (Func<string, byte[]> Body, HostileRejection Expected)> Stdin = new Dictionary<string, (Func<string, byte[]>, HostileRejection)>
    {
        ["byte 0xFF inside a JSON string"] = (json => [.. Utf8(json[..^1] + ",\"arguments\":[\"ab"), 0xFF, .. Utf8("cd\"]}")], HostileRejection.Exit(InputInvalid, "InputNotUtf8")),
        ["empty stdin"] = (_ => [], HostileRejection.Exit(InputInvalid)),
        ["10,000 unclosed ["] = (_ => Utf8("{\"version\":" + new string('[', 10_000)), HostileRejection.Exit(InputInvalid)),
        ["10,000 nested arrays, closed"] = (_ => Utf8("{\"version\":" + new string('[', 10_000) + new string(']', 10_000) + "}"), HostileRejection.Exit(InputInvalid)),
        ["valid JSON larger than 1 MiB"] = (json => Padded(json, OneMiB + 4096), HostileRejection.Exit(InputInvalid, "InputTooLarge")),
    };

    /// <summary>Stdin bodies that must be accepted (exit 0, the endpoint written).</summary>
    public static readonly IReadOnlyDictionary<string, Func<string, byte[]>> AcceptedStdin = new Dictionary<string, Func<string, byte[]>>
    {
        ["UTF-8 BOM before valid JSON"] = json => [0xEF, 0xBB, 0xBF, .. Utf8(json)],
        ["valid JSON just under 1 MiB"] = json => Padded(json, 1_000_000),
    };

    /// <summary>Arguments that are no sshd syntax but mean something to a shell: accepted, written single-quoted inside sshd double quotes.</summary>
    public static readonly IReadOnlyList<string> ShellWords = ["$(touch${IFS}/tmp/x)", "a;b", "`id`", "a b", "--%", "*"];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary><paramref name="json"/> (an object) with spaces before its closing brace up to <paramref name="totalBytes"/>: still valid JSON.</summary>
    private static byte[] Padded(string json, int totalBytes) => Utf8(json[..^1] + new string(' ', totalBytes - Encoding.UTF8.GetByteCount(json)) + "}");
}
