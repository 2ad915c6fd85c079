namespace PSRemotingDsc.Diagnostics;

/// <summary>The levels of <c>DSC_TRACE_LEVEL</c>, most severe first.</summary>
public enum TraceLevel
{
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}
