namespace PSRemotingDsc.Diagnostics;

/// <summary>The levels of <c>DSC_TRACE_LEVEL</c>, most severe first.</summary>
public enum TraceLevel
{
    /// <summary>The operation failed; written at every level.</summary>
    Error,

    /// <summary>Something the user should know about but that did not stop the operation (DSC's default level).</summary>
    Warn,

    /// <summary>What the engine found or changed: each difference from the desired state and each change applied.</summary>
    Info,

    /// <summary>Decisions a person debugging a run wants to see, such as which installation was chosen or which plugin was skipped.</summary>
    Debug,

    /// <summary>The most detailed level: a sink set to it writes every message it receives.</summary>
    Trace,
}
