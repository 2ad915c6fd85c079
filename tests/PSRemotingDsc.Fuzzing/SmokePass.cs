using System.Diagnostics;

namespace PSRemotingDsc.Fuzzing;

/// <summary>
/// The deterministic fuzzing pass the test suite runs: every corpus input, then <see cref="SmokeOptions.GeneratedInputs"/>
/// inputs from the seeded <see cref="Mutator"/>. Inputs run on a thread with a 1 MiB stack (the main thread's stack
/// on Windows, the smallest the CLI gets) while the caller watches for an input that does not return.
/// </summary>
public static class SmokePass
{
    private const int StackSize = 1024 * 1024;

    public static SmokeResult Run(FuzzTarget target, IReadOnlyList<FuzzInput> corpus, SmokeOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        var state = new State();
        var total = Stopwatch.StartNew();
        var worker = new Thread(() => Work(target, corpus, options, state), StackSize) { IsBackground = true, Name = $"fuzz {target.Name}" };
        worker.Start();
        while (!worker.Join(TimeSpan.FromMilliseconds(100)))
        {
            var started = Interlocked.Read(ref state.CurrentStarted);
            if (started != 0 && Stopwatch.GetElapsedTime(started) > options.HangTimeout && Volatile.Read(ref state.Current) is { } stuck)
            {
                // The worker is abandoned: a background thread does not keep the process alive.
                Interlocked.MemoryBarrier();
                state.Add(new SmokeCrash(stuck, null));
                return Result(target, corpus, options, state, total.Elapsed);
            }
        }

        return Result(target, corpus, options, state, total.Elapsed);
    }

    private static void Work(FuzzTarget target, IReadOnlyList<FuzzInput> corpus, SmokeOptions options, State state)
    {
        foreach (var input in corpus)
        {
            RunOne(target, input, options, state);
        }

        var mutator = new Mutator(options.Seed, [.. corpus.Select(input => input.Bytes)], target, options.MaxInputLength);
        for (var i = 1; i <= options.GeneratedInputs; i++)
        {
            RunOne(target, new FuzzInput($"generated #{i} (seed {options.Seed})", mutator.Next()), options, state);
            state.Generated = i;
        }

        Volatile.Write(ref state.Current, null);
    }

    private static void RunOne(FuzzTarget target, FuzzInput input, SmokeOptions options, State state)
    {
        options.BeforeEach?.Invoke(input);
        Volatile.Write(ref state.Current, input);
        var started = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref state.CurrentStarted, started);
        try
        {
            target.Run(input.Bytes);
        }
#pragma warning disable CA1031 // Every exception that escapes a target is a finding, whatever its type.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            state.Add(new SmokeCrash(input, ex));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > state.SlowestTime)
        {
            state.SlowestTime = elapsed;
            state.Slowest = input;
        }
    }

    private static SmokeResult Result(FuzzTarget target, IReadOnlyList<FuzzInput> corpus, SmokeOptions options, State state, TimeSpan elapsed) =>
        new(target.Name, corpus.Count, state.Generated, options.Seed, elapsed, state.Crashes, state.FirstCrash, [.. state.Distinct.Values], state.Slowest, state.SlowestTime);

    private sealed class State
    {
        private const int MaxDistinct = 20;

        public FuzzInput? Current;
        public long CurrentStarted;
        public int Generated;
        public int Crashes;
        public SmokeCrash? FirstCrash;
        public FuzzInput? Slowest;
        public TimeSpan SlowestTime;
        public readonly Dictionary<string, SmokeCrash> Distinct = new(StringComparer.Ordinal);

        public void Add(SmokeCrash crash)
        {
            Crashes++;
            FirstCrash ??= crash;
            if (Distinct.Count < MaxDistinct)
            {
                Distinct.TryAdd(crash.Signature, crash);
            }
        }
    }
}
