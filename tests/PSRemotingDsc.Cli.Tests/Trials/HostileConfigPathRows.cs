namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>The hostile-input table's <c>sshdConfigPath</c> rows: every one must be refused without touching what is there.</summary>
public static class HostileConfigPathRows
{
    private const int ConfigPathInvalid = 6;
    private const int ConfigUnreadable = 11;
    private const int SixteenMiB = 16 << 20;

    /// <summary>Special files: refused at once (a reader would block or never end), well inside this bound.</summary>
    private static readonly TimeSpan s_quick = TimeSpan.FromSeconds(10);

    public static readonly IReadOnlyDictionary<string, ConfigPathRow> Rows = new Dictionary<string, ConfigPathRow>
    {
        ["/dev/null"] = new(_ => SpecialConfigPath.Existing("/dev/null"), HostileRejection.Exit(ConfigPathInvalid, "SshdConfigNotRegularFile"), s_quick,
            StandIn: directory => SpecialConfigPath.CharacterDevice(directory, 3)),
        ["a character device node (1,3, as /dev/null) in a temp folder"] = new(directory => SpecialConfigPath.CharacterDevice(directory, 3),
            HostileRejection.Exit(ConfigPathInvalid, "SshdConfigNotRegularFile"), s_quick, NeedsRoot: true),
        ["a FIFO without a writer"] = new(directory => SpecialConfigPath.Fifo(directory, withWriter: false), HostileRejection.Exit(ConfigPathInvalid), s_quick),
        ["a FIFO with a writer holding it open"] = new(directory => SpecialConfigPath.Fifo(directory, withWriter: true), HostileRejection.Exit(ConfigPathInvalid), s_quick),
        ["a symbolic link to /dev/zero"] = new(directory => SpecialConfigPath.SymbolicLink(directory, "/dev/zero"), HostileRejection.Exit(ConfigPathInvalid), s_quick,
            StandIn: directory => SpecialConfigPath.SymbolicLinkToDevice(directory, 5)),
        ["a dangling symbolic link"] = new(directory => SpecialConfigPath.SymbolicLink(directory, Path.Join(directory, "missing")),
            HostileRejection.Exit(ConfigPathInvalid, "SshdConfigNotFound"), s_quick),
        ["a directory"] = new(SpecialConfigPath.Directory, HostileRejection.Exit(ConfigPathInvalid), s_quick),
        ["a regular file larger than 16 MiB"] = new(directory => SpecialConfigPath.LargeFile(directory, "Port 22\n", SixteenMiB + 4096),
            HostileRejection.Exit(ConfigUnreadable, "SshdConfigTooLarge"), TimeSpan.FromSeconds(60)),
    };
}
