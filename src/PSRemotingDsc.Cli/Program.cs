using System.Text;

namespace PSRemotingDsc.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (!Console.IsOutputRedirected)
        {
            return Run(args, Console.Out, stdoutIsTerminal: true);
        }

        // A pipe (dsc, a redirect): one buffered UTF-8 writer, flushed once at the end. Console.Out writes a large
        // output (a report, an export) in 256-byte pieces, one system call each.
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        return Run(args, stdout, stdoutIsTerminal: false);
    }

    private static int Run(string[] args, TextWriter stdout, bool stdoutIsTerminal) =>
        CommandLine.Run(args, () => Console.IsInputRedirected ? StandardInput.Read(Console.OpenStandardInput()) : null, stdout, Console.Error,
            stderrIsTerminal: !Console.IsErrorRedirected, stdoutIsTerminal: stdoutIsTerminal);
}
