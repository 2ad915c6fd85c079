namespace PSRemotingDsc.Fuzzing;

/// <summary>An input that crashed a target: the exception it threw, or null when it did not return in time.</summary>
public sealed record SmokeCrash(FuzzInput Input, Exception? Exception)
{
    /// <summary>True when the input did not return within <see cref="SmokeOptions.HangTimeout"/>.</summary>
    public bool IsHang => Exception is null;

    /// <summary>
    /// What tells one bug from another: the exception type and the first line of its message, and for an exception the
    /// engine threw, where it was thrown (a broken invariant is told by its message alone).
    /// </summary>
    public string Signature => Exception switch
    {
        null => "hang",
        FuzzInvariantException invariant => $"{nameof(FuzzInvariantException)}: {FirstLine(invariant.Message)}",
        _ => $"{Exception.GetType().Name}: {FirstLine(Exception.Message)} ({FirstLine(Exception.StackTrace ?? string.Empty)})",
    };

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
