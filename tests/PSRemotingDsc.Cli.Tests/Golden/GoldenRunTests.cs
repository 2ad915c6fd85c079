using System.Collections.Concurrent;

namespace PSRemotingDsc.Cli.Tests.Golden;

/// <summary>
/// The golden run of issue 8: the exact argv, exit code, stdout, stderr and resulting files of every verb on every
/// example and fixture, compared with tests/PSRemotingDsc.Cli.Tests/Golden/expected. PSREMOTINGDSC_UPDATE_GOLDEN=1
/// rewrites the files instead (see README.md there).
/// </summary>
public sealed class GoldenRunTests
{
    public const string UpdateVariable = "PSREMOTINGDSC_UPDATE_GOLDEN";

    private static string ExpectedDirectory => Path.Join(RepositoryPaths.Root, "tests", "PSRemotingDsc.Cli.Tests", "Golden", "expected");

    [SkippableFact]
    public void GoldenRun_OfEveryVerbOnEveryExampleAndFixture_IsUnchanged()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "The golden run is recorded on Linux, where WSMan runs against a machine image.");
        using var workspace = new GoldenWorkspace();
        string? difference = workspace.MachineDifference();
        Skip.If(difference is not null, difference);
        IReadOnlyList<GoldenCase> cases = GoldenCases.All();
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        GoldenRecorder.Provision(workspace);

        var actual = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            goldenCase => actual[goldenCase.Name] = GoldenRecorder.Record(workspace, goldenCase));

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Rewrite(actual);
            return;
        }

        var problems = new List<string>();
        foreach (GoldenCase goldenCase in cases)
        {
            string path = Path.Join(ExpectedDirectory, goldenCase.Name + ".txt");
            string? expected = File.Exists(path) ? File.ReadAllText(path) : null;
            if (expected != actual[goldenCase.Name])
            {
                problems.Add(expected is null ? $"{goldenCase.Name}: no golden file" : $"{goldenCase.Name}: {FirstDifference(expected, actual[goldenCase.Name])}");
            }
        }

        var names = cases.Select(c => c.Name + ".txt").ToHashSet(StringComparer.Ordinal);
        problems.AddRange(Directory.GetFiles(ExpectedDirectory, "*.txt").Select(Path.GetFileName).Where(name => !names.Contains(name!))
            .Select(name => $"{name}: a golden file no case produces"));
        Assert.True(problems.Count == 0,
            $"{problems.Count} of {cases.Count} golden cases differ. If issue 8 allows the change, run with {UpdateVariable}=1 and review the diff of Golden/expected.{Environment.NewLine}"
            + string.Join(Environment.NewLine, problems));
    }

    private static void Rewrite(IReadOnlyDictionary<string, string> actual)
    {
        Directory.CreateDirectory(ExpectedDirectory);
        foreach (string stale in Directory.GetFiles(ExpectedDirectory, "*.txt"))
        {
            File.Delete(stale);
        }

        foreach ((string name, string text) in actual)
        {
            File.WriteAllText(Path.Join(ExpectedDirectory, name + ".txt"), text);
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] want = expected.Split('\n');
        string[] got = actual.Split('\n');
        for (int i = 0; i < Math.Max(want.Length, got.Length); i++)
        {
            string? w = i < want.Length ? want[i] : null;
            string? g = i < got.Length ? got[i] : null;
            if (w != g)
            {
                return $"line {i + 1}: expected '{w}', got '{g}'";
            }
        }

        return "differs";
    }
}
