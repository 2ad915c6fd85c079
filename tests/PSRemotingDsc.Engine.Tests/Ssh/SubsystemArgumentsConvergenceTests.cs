using CsCheck;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

/// <summary>
/// After any set, test is in the desired state, or set failed with a clear error: for every generated argument
/// list, either a word is refused (exit 5) or the line written reads back, through sshd's tokenizer and the
/// login shell, as exactly the declared list.
/// </summary>
public sealed class SubsystemArgumentsConvergenceTests
{
    private const string Executable = "/opt/microsoft/powershell/7/pwsh";

    // Safe characters, hostile ones, and odd Unicode, so that both branches are taken often.
    private static readonly Gen<string> Word = Gen.String[Gen.Char["aZ09-_./:=+,@ü日$`'\"\\ ;&|*?~#%!(){}[]<>^\t\u00a0\u2028\u202e"], 0, 12];

    private static readonly Gen<string[]> ArgumentLists = Word.Array[0, 6];

    [Fact]
    public void EverySetEitherRefusesAWord_OrWritesALineThatReadsBackAsDeclared()
    {
        int accepted = 0;
        int refused = 0;
        ArgumentLists.Sample(arguments =>
        {
            if (!AllAccepted(arguments))
            {
                refused++;
                return;
            }

            accepted++;
            Assert.Equal(arguments, ReadBack(arguments));
        }, iter: 20_000, seed: "0N0XIzNsQ0O2");

        Assert.True(accepted > 1000 && refused > 1000, $"Both branches must be exercised: {accepted} accepted, {refused} refused.");
    }

    [SkippableFact]
    public void TheLoginShellPassesEveryAcceptedWordVerbatim()
    {
        string[] shells = [.. new[] { "/bin/sh", "/bin/bash", "/bin/dash", "/usr/bin/zsh" }.Where(File.Exists)];
        Skip.If(shells.Length == 0 || OperatingSystem.IsWindows(), "No POSIX shell here.");
        Gen<string[]> safeLists = Gen.String[Gen.Char["aZ09-_./:=+,@ü日"], 1, 10].Where(word => ShellSafeWord.Problem(word) is null).Array[1, 5];
        safeLists.Sample(arguments =>
        {
            // sshd joins the tokens of the line with single spaces and runs the result with `$SHELL -c` (session.c do_child).
            string line = SubsystemCommandLine.ForPowerShell("printf", arguments).Render();
            string joined = string.Join(' ', SshdArgumentSplitter.Split(line, 0, terminateOnComment: true)!.Select(token => token.Value))
                .Replace("printf -sshs", "printf %s\\\\n -sshs", StringComparison.Ordinal);
            foreach (string shell in shells)
            {
                string output = Tool.RunOrThrow(shell, "-c", joined);
                Assert.Equal(["-sshs", "-NoLogo", "-NoProfile", .. arguments], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }
        }, iter: 150, seed: "0N0XIzNsQ0O3");
    }

    private static bool AllAccepted(string[] arguments)
    {
        try
        {
            foreach (string argument in arguments)
            {
                ValueSafety.RequireSafeCommandWord("arguments[0]", argument);
            }

            return true;
        }
        catch (PSRemotingDscException ex) when (ex.ExitCode == ExitCode.UnsafeValue)
        {
            return false;
        }
    }

    /// <summary>Writes the line into a document, renders and re-parses the file, and reads the arguments back as observe does.</summary>
    private static IReadOnlyList<string> ReadBack(string[] arguments)
    {
        var document = SshdConfigDocument.Parse("# existing\nSubsystem sftp /usr/lib/openssh/sftp-server\n", "/etc/ssh/sshd_config");
        document.SetSubsystem("powershell-7", SubsystemCommandLine.ForPowerShell(Executable, arguments).Render());
        var reread = SshdConfigDocument.Parse(document.Render(), document.Path);
        SubsystemDefinition definition = Assert.Single(SshdConfiguration.FromDocuments(reread, []).FindSubsystem("powershell-7"));
        SubsystemCommandLine command = SubsystemCommandLine.Parse(definition.Command);
        Assert.Equal(Executable, command.Executable);
        Assert.True(command.IsServerMode);
        return command.ExtraArguments;
    }
}
