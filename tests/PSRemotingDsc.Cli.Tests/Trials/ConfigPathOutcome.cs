namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>What a set did to a hostile config path: its run, the path described before and after, its folder, /dev.</summary>
public sealed record ConfigPathOutcome(TrialRun Run, string Before, string After, bool FolderChanged, IReadOnlyList<string> CreatedInDev)
{
    public bool LeftAsItWas => Before == After && !FolderChanged && CreatedInDev.Count == 0;
}
