using System.Text.Unicode;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Fuzzing.Targets;

/// <summary>
/// sshd_config text: <see cref="SshdConfigDocument.Parse"/> never throws and <see cref="SshdConfigDocument.Render"/>
/// gives back exactly the parsed text (and, for UTF-8 input, exactly its bytes); the queries agree with each other;
/// every Subsystem command splits; adding an endpoint and removing it again restores the text. The only documented
/// failure is the <see cref="PSRemotingDscException"/> an Include cycle raises when the file includes itself.
/// </summary>
public sealed class SshdConfigTarget : FuzzTarget
{
    private const string MainPath = "/etc/ssh/sshd_config";
    private const string ProbeName = "fuzz-probe";
    private const string ProbeCommand = "/opt/microsoft/powershell/7/pwsh -sshs -NoLogo -NoProfile";

    // Matched by Include patterns of the fuzzed file such as sshd_config.d/*.conf.
    private static readonly SshdConfigDocument Included =
        SshdConfigDocument.Parse("Subsystem included /usr/bin/pwsh -sshs\nMatch User x\n", "/etc/ssh/sshd_config.d/50-fuzz.conf");

    public override string Name => "sshd-config";

    public override string Description => "SshdConfigDocument.Parse: byte-exact Render, consistent queries, Subsystem commands split, set+remove restores";

    public override IReadOnlyList<string> Dictionary { get; } =
    [
        "Subsystem", "subsystem", "SubSystem=", "Match", "match all", "Match User", "Include", "include ", "sshd_config.d/*.conf",
        "sshd_config", "/etc/ssh/sshd_config", "~/", "*", "?", "[", "]", "PidFile", "Port 22", "powershell", "sftp",
        "internal-sftp", "/usr/bin/pwsh", "-sshs", "-NoLogo", "-NoProfile", "--SSHServerMode", "/sshs", "\u2013sshs",
        "\"", "'", "\\", "\\\"", "\\ ", "#", " #", "=", " = ", "\t", " ", "\r", "\n", "\r\n", "\f", "\v", "\0",
        "\uFEFF", "\u2028", "\u2029", "\u00A0", "\uD800", "\uDC00", "\uFFFD", "C:\\Program Files\\PowerShell\\7\\pwsh.exe",
    ];

    public override IReadOnlyList<(string Open, string Close)> Nesting { get; } = [("\"", "\""), ("Include a\n", "\n")];

    protected override void Execute(string text, ReadOnlySpan<byte> input)
    {
        var document = SshdConfigDocument.Parse(text, MainPath);
        RequireEqual(text, document.Render(), "Render() returns the parsed text");
        Require(!document.IsModified, "a parsed document is not modified");
        if (Utf8.IsValid(input))
        {
            Require(document.RenderBytes().AsSpan().SequenceEqual(input), "RenderBytes() returns the input bytes of a UTF-8 file");
        }

        var lineCount = document.Render().Count(c => c == '\n') + 1;
        var subsystems = document.Subsystems;
        foreach (var subsystem in subsystems)
        {
            Require(subsystem.LineNumber >= 1 && subsystem.LineNumber <= lineCount, "a Subsystem line number is within the file");
            Require(subsystem.File == MainPath, "a Subsystem names its file");
            var command = SubsystemCommandLine.Parse(subsystem.Command);
            _ = command.IsServerMode;
            _ = command.ExtraArguments;
            _ = command.Render();
        }

        foreach (var include in document.Includes)
        {
            Require(include.LineNumber >= 1 && include.LineNumber <= lineCount, "an Include line number is within the file");
        }

        _ = document.GetKeywordValue("PidFile");
        _ = document.GetKeywordValue("Subsystem");

        var configuration = SshdConfiguration.FromDocuments(document, []);
        Require(
            configuration.GlobalSubsystems().SequenceEqual(subsystems.Where(subsystem => !subsystem.InMatchBlock)),
            "without included files, the global subsystems are the file's Subsystem lines before its first Match");
        _ = configuration.PidFile;
        if (subsystems.Count > 0)
        {
            _ = configuration.FindSubsystem(subsystems[0].Name);
        }

        CheckSetThenRemove(document, text);
        CheckIncludes(document);
    }

    protected override bool IsDocumentedFailure(Exception exception) =>
        exception is PSRemotingDscException { ErrorId: "SshdIncludeCycle" or "SshdIncludeTooDeep" };

    private static void CheckSetThenRemove(SshdConfigDocument document, string text)
    {
        if (document.Subsystems.Any(subsystem => !subsystem.InMatchBlock && subsystem.Name == ProbeName))
        {
            return;
        }

        Require(document.SetSubsystem(ProbeName, ProbeCommand), "adding a new Subsystem changes the document");
        var edited = SshdConfigDocument.Parse(document.Render(), MainPath);
        var defined = SshdConfiguration.FromDocuments(edited, []).FindSubsystem(ProbeName);
        Require(defined.Count == 1 && defined[0].Command == ProbeCommand, "after SetSubsystem the file defines the subsystem once, globally, with that command");
        Require(!document.SetSubsystem(ProbeName, ProbeCommand), "setting the same Subsystem again changes nothing");
        Require(document.RemoveSubsystem(ProbeName), "removing the added Subsystem changes the document");
        RequireEqual(text, document.Render(), "SetSubsystem then RemoveSubsystem restores the text");
    }

    // The file may include itself (a cycle, reported) or the fixed included file, so fuzzed Include patterns meet the glob matcher.
    private static void CheckIncludes(SshdConfigDocument document)
    {
        var configuration = SshdConfiguration.FromDocuments(document, [document, Included]);
        _ = configuration.GlobalSubsystems();
        _ = configuration.Documents;
    }
}
