namespace PSRemotingDsc.Cli;

internal static class Program
{
    private static int Main(string[] args) =>
        CommandLine.Run(args, () => Console.IsInputRedirected ? StandardInput.Read(Console.OpenStandardInput()) : null, Console.Out, Console.Error,
            stderrIsTerminal: !Console.IsErrorRedirected, stdoutIsTerminal: !Console.IsOutputRedirected);
}
