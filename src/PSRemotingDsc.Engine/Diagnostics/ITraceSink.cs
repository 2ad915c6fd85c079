namespace PSRemotingDsc.Diagnostics;

/// <summary>Where the engine reports what it does; the CLI turns it into DSC's JSON trace lines on stderr.</summary>
public interface ITraceSink
{
    /// <summary>
    /// Tells whether a message at <paramref name="level"/> would be written, so a caller can skip building an
    /// expensive message that would be dropped.
    /// </summary>
    /// <param name="level">The level of the message the caller is about to write.</param>
    /// <returns><see langword="true"/> if <see cref="Write"/> at this level reaches the output.</returns>
    bool IsEnabled(TraceLevel level);

    /// <summary>Writes one trace message, or drops it if <paramref name="level"/> is not enabled.</summary>
    /// <param name="level">How severe the message is.</param>
    /// <param name="message">One sentence for a person; the sink adds any framing (JSON object, prefix).</param>
    void Write(TraceLevel level, string message);
}
