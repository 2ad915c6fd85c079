namespace PSRemotingDsc.TestSupport;

/// <summary>One resource process run as dsc runs it: the argv it got and what it printed.</summary>
public sealed record DscInvocation(IReadOnlyList<string> Arguments, int ExitCode, string Stdout, IReadOnlyList<string> StderrLines)
{
    public IReadOnlyList<string> StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();

    public override string ToString() =>
        $"argv: {string.Join(' ', Arguments)}{Environment.NewLine}exit: {ExitCode}{Environment.NewLine}stdout: {Stdout}{Environment.NewLine}stderr: {string.Join(Environment.NewLine, StderrLines)}";
}
