namespace PSRemotingDsc.Fuzzing;

/// <summary>How a <see cref="SmokePass"/> runs.</summary>
public sealed record SmokeOptions
{
    /// <summary>How many inputs the <see cref="Mutator"/> makes after the corpus.</summary>
    public int GeneratedInputs { get; init; } = 10_000;

    /// <summary>The mutator's seed: the same seed gives the same inputs.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Generated inputs are cut to this many bytes.</summary>
    public int MaxInputLength { get; init; } = 64 * 1024;

    /// <summary>An input still running after this long is reported as a hang, and the pass stops.</summary>
    public TimeSpan HangTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called before each input runs (tracing: the last one printed is the one that killed the process).</summary>
    public Action<FuzzInput>? BeforeEach { get; init; }
}
