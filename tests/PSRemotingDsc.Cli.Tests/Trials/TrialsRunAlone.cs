namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// The trials time processes and count kills and lock waits: they run one after another and alone, after the rest of
/// the project's tests, so that neither they nor the other tests skew each other on a two-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrialsRunAlone
{
    public const string Name = "Trials";
}
