namespace PSRemotingDsc.Resource;

/// <summary>Why an endpoint is observed, which decides what is checked (WSMan connection probes and preconditions, SSH crash leftovers).</summary>
internal enum EndpointOperation
{
    Get,
    Test,
    Set,
    SetWhatIf,
}
