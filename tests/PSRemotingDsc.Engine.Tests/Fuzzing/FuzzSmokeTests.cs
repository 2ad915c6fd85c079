using PSRemotingDsc.Fuzzing;
using Xunit.Abstractions;

namespace PSRemotingDsc.Tests.Fuzzing;

/// <summary>
/// The deterministic fuzzing pass CI runs: per target, every seed of tests/fuzz/corpus/&lt;target&gt;/ and then 10,000
/// inputs of the seeded mutator. Coverage-guided fuzzing (docs/fuzzing.md) finds more; this keeps what it found fixed.
/// </summary>
public class FuzzSmokeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Targets => new(FuzzTargets.All.Select(target => target.Name));

    [Theory]
    [MemberData(nameof(Targets))]
    public void SmokePass_FindsNoCrash_InTheCorpusAndTenThousandGeneratedInputs(string target)
    {
        var fuzzTarget = FuzzTargets.Get(target);
        var corpus = FuzzCorpus.Load(FuzzCorpus.DirectoryOf(RepositoryPaths.Root, target));

        var result = SmokePass.Run(fuzzTarget, corpus, new SmokeOptions { GeneratedInputs = 10_000, Seed = 1 });

        output.WriteLine(result.Summary);
        Assert.True(corpus.Count >= 10, $"The corpus of {target} has {corpus.Count} seeds; keep at least 10.");
        Assert.True(result.Crashes == 0, result.Describe());
        Assert.Equal(10_000, result.GeneratedInputs);
    }
}
