namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// A hostile <c>sshdConfigPath</c>: how to make it in an empty folder, the required outcome, the bound on the run, whether
/// making it needs root, and for paths of the machine itself (/dev/null) a stand-in to try first: if the code would
/// replace or follow the stand-in, the real device is not handed to it.
/// </summary>
public sealed record ConfigPathRow(
    Func<string, SpecialConfigPath> Make,
    HostileRejection Expected,
    TimeSpan Bound,
    bool NeedsRoot = false,
    Func<string, SpecialConfigPath>? StandIn = null);
