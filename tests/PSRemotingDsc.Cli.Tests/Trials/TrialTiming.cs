namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>Sleeps to a point in a child's life with sub-millisecond precision: a coarse sleep, then a short spin.</summary>
public static class TrialTiming
{
    private static readonly TimeSpan s_spin = TimeSpan.FromMilliseconds(2);

    public static void SleepUntil(TrialProcess process, TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(process);
        TimeSpan coarse = offset - process.Elapsed - s_spin;
        if (coarse > TimeSpan.Zero)
        {
            Thread.Sleep(coarse);
        }

        while (process.Elapsed < offset)
        {
            Thread.SpinWait(50);
        }
    }
}
