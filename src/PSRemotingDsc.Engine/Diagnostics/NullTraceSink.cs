namespace PSRemotingDsc.Diagnostics;

public sealed class NullTraceSink : ITraceSink
{
    public static NullTraceSink Instance { get; } = new();

    public bool IsEnabled(TraceLevel level) => false;

    public void Write(TraceLevel level, string message)
    {
    }
}
