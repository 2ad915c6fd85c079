namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>What every refused hostile input must show: in time, its exit code, a JSON error line with its id, no stdout.</summary>
public static class HostileAssert
{
    public static void Refused(HostileRejection expected, TrialRun run)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(run);
        Assert.False(run.TimedOut, $"the process did not finish in time and was killed:\n{run}");
        Assert.True(expected.ExitCodes.Contains(run.ExitCode), $"expected exit {string.Join(" or ", expected.ExitCodes)}:\n{run}");
        Assert.True(run.StderrIsJsonLines, $"stderr is not JSON trace lines:\n{run}");
        string message = Assert.Single(run.Errors);
        if (expected.ErrorId is { } id && (expected.ErrorIdFor is null || expected.ErrorIdFor == run.ExitCode))
        {
            Assert.True(message.StartsWith(id + ": ", StringComparison.Ordinal), $"expected error id {id}:\n{run}");
        }

        if (expected.MessageNames is { } character)
        {
            IReadOnlyList<string> namings = HostileRejection.Namings(character);
            Assert.True(namings.Any(naming => message.Contains(naming, StringComparison.Ordinal)),
                $"the message does not name the character {character} (as any of {string.Join("  ", namings)}): {message}");
        }

        Assert.Empty(run.Stdout);
    }
}
