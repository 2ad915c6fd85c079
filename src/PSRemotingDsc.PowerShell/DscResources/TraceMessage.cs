using PSRemotingDsc.Diagnostics;

namespace PSRemotingDsc.PowerShell.DscResources;

/// <summary>One line of the engine's trace, for the class resource to write as a warning, verbose or debug message.</summary>
/// <param name="Stream">"Warning", "Verbose" or "Debug": the PowerShell stream the line belongs on.</param>
/// <param name="Text">The message.</param>
public sealed record TraceMessage(string Stream, string Text);

/// <summary>Collects the engine's trace during one DSC method call; a class method cannot write streams from C#.</summary>
internal sealed class TraceMessageCollector : ITraceSink
{
    public List<TraceMessage> Messages { get; } = [];

    public bool IsEnabled(TraceLevel level) => true;

    public void Write(TraceLevel level, string message) => Messages.Add(new TraceMessage(
        level switch
        {
            TraceLevel.Error or TraceLevel.Warn => "Warning",
            TraceLevel.Info => "Verbose",
            _ => "Debug",
        },
        message));
}
