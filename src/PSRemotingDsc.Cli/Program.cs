namespace PSRemotingDsc.Cli;

internal static class Program
{
    private static int Main(string[] args) =>
        CommandLine.Run(args, () => Console.IsInputRedirected ? Console.In.ReadToEnd() : null, Console.Out, Console.Error);
}
