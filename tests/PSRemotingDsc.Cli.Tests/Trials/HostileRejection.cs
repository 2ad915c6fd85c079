namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// A hostile input's required outcome: one of <paramref name="ExitCodes"/>; when <paramref name="ErrorId"/> is set, the
/// first error line starts with it (for exit code <paramref name="ErrorIdFor"/> only, when given); when
/// <paramref name="MessageNames"/> is set, the message names that character in one of the usual ways.
/// </summary>
public sealed record HostileRejection(int[] ExitCodes, string? ErrorId = null, int? ErrorIdFor = null, string? MessageNames = null)
{
    public static HostileRejection Exit(int exitCode, string? errorId = null) => new([exitCode], errorId);

    /// <summary>The ways a message can name character <paramref name="c"/> so that a reader knows which one: quoted, by code point or by name.</summary>
    public static IReadOnlyList<string> Namings(string c) => c switch
    {
        "'" => ["\"'\"", "U+0027", "single quote", "single-quote", "apostrophe", "''''", "'\\''", "(')", "`'`"],
        _ => [$"'{c}'", $"\"{c}\"", $"U+{char.ConvertToUtf32(c, 0):X4}"],
    };
}
