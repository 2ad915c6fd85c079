namespace PSRemotingDsc.Cli.Tests.Golden;

/// <summary>
/// One recorded run of the real executable. <see cref="Arguments"/> may hold the placeholders
/// <see cref="GoldenWorkspace.ConfigPlaceholder"/> (the case's sshd_config copy, JSON-escaped where the argument is JSON).
/// </summary>
/// <param name="Name">The golden file's name without ".txt"; unique, file-name safe.</param>
/// <param name="Target">What the case's temp folder starts with (<see cref="GoldenTarget"/>).</param>
/// <param name="Arguments">argv as dsc builds it from the manifest, or verbatim for the commands dsc never calls.</param>
/// <param name="TraceLevel">The value of DSC_TRACE_LEVEL.</param>
/// <param name="RecordsResult">True for set and delete: the resulting sshd_config bytes and image files are recorded.</param>
internal sealed record GoldenCase(string Name, GoldenTarget Target, IReadOnlyList<string> Arguments, string TraceLevel, bool RecordsResult)
{
    public override string ToString() => Name;
}
