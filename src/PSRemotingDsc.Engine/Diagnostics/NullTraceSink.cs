namespace PSRemotingDsc.Diagnostics;

/// <summary>A trace sink that drops every message; for callers and tests that do not watch the trace.</summary>
public sealed class NullTraceSink : ITraceSink
{
    /// <summary>The shared instance; the sink has no state.</summary>
    public static NullTraceSink Instance { get; } = new();

    /// <summary>Always <see langword="false"/>: no level is written.</summary>
    /// <param name="level">Ignored.</param>
    /// <returns><see langword="false"/>.</returns>
    public bool IsEnabled(TraceLevel level) => false;

    /// <summary>Does nothing.</summary>
    /// <param name="level">Ignored.</param>
    /// <param name="message">Ignored.</param>
    public void Write(TraceLevel level, string message)
    {
    }
}
