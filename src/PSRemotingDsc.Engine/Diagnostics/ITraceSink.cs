namespace PSRemotingDsc.Diagnostics;

/// <summary>Where the engine reports what it does; the CLI turns it into DSC's JSON trace lines on stderr.</summary>
public interface ITraceSink
{
    bool IsEnabled(TraceLevel level);

    void Write(TraceLevel level, string message);
}
