using System.Globalization;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>The random seed of a trial: PSREMOTINGDSC_TRIAL_SEED when set (to replay a run), otherwise a fresh one to print.</summary>
public static class TrialSeed
{
    public const string Variable = "PSREMOTINGDSC_TRIAL_SEED";

    public static int Get() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)
            ? seed
            : Random.Shared.Next();
}
