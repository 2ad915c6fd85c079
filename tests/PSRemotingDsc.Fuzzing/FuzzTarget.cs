namespace PSRemotingDsc.Fuzzing;

/// <summary>
/// One entry point of the engine that reads untrusted text, with what counts as its documented answer to bad input.
/// <see cref="Run"/> returns for every input the entry point handles as documented and throws for every other outcome
/// (an unexpected exception type or a broken invariant, <see cref="FuzzInvariantException"/>), which is what the
/// coverage-guided fuzzers and the smoke pass count as a crash.
/// </summary>
public abstract class FuzzTarget
{
    /// <summary>The name on the command line and of the corpus folder, e.g. <c>sshd-config</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What is fed and what is checked, one line.</summary>
    public abstract string Description { get; }

    /// <summary>Tokens of the input language that random byte edits rarely produce (a fuzzer dictionary).</summary>
    public abstract IReadOnlyList<string> Dictionary { get; }

    /// <summary>Pairs that nest (an opening and its closing text), for deep-nesting inputs.</summary>
    public abstract IReadOnlyList<(string Open, string Close)> Nesting { get; }

    /// <summary>Runs one input, decoded with <see cref="Wtf8"/>; throws only for a crash.</summary>
    public void Run(ReadOnlySpan<byte> input)
    {
        var text = Wtf8.Decode(input);
        try
        {
            Execute(text, input);
        }
        catch (Exception ex) when (IsDocumentedFailure(ex))
        {
            // The documented answer to bad input.
        }
    }

    /// <summary>Feeds <paramref name="text"/> to the engine and checks its invariants.</summary>
    /// <param name="text">The decoded input.</param>
    /// <param name="input">The input bytes.</param>
    protected abstract void Execute(string text, ReadOnlySpan<byte> input);

    /// <summary>True for the exceptions the entry point documents for bad input.</summary>
    protected abstract bool IsDocumentedFailure(Exception exception);

    /// <summary>Throws <see cref="FuzzInvariantException"/> unless the two texts are equal, showing where they part.</summary>
    protected static void RequireEqual(string expected, string actual, string invariant)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return;
        }

        var at = expected.AsSpan().CommonPrefixLength(actual);
        var from = Math.Max(0, at - 40);
        throw new FuzzInvariantException(
            $"{invariant}\nThey differ at character {at}: expected …{Excerpt(expected, from)}…, actual …{Excerpt(actual, from)}…");
    }

    /// <summary>Throws <see cref="FuzzInvariantException"/> when <paramref name="condition"/> is false.</summary>
    protected static void Require(bool condition, string invariant)
    {
        if (!condition)
        {
            throw new FuzzInvariantException(invariant);
        }
    }

    private static string Excerpt(string text, int from)
    {
        var excerpt = new System.Text.StringBuilder();
        foreach (var c in text.AsSpan(Math.Min(from, text.Length), Math.Min(80, text.Length - Math.Min(from, text.Length))))
        {
            excerpt.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\uFEFF' or '\u2028' or '\u2029' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return excerpt.ToString();
    }
}
