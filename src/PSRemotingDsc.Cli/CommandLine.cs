namespace PSRemotingDsc.Cli;

internal static class CommandLine
{
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("usage: psremotingdsc get|set|test|delete|export|schema|manifest [--input <json>]");
        return 12;
    }
}
