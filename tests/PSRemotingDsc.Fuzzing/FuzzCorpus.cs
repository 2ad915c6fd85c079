namespace PSRemotingDsc.Fuzzing;

/// <summary>The checked-in seed inputs: <c>tests/fuzz/corpus/&lt;target&gt;/</c>, one input per file.</summary>
public static class FuzzCorpus
{
    /// <summary>The corpus folder of <paramref name="target"/> under the repository root.</summary>
    public static string DirectoryOf(string repositoryRoot, string target) =>
        Path.Combine(repositoryRoot, "tests", "fuzz", "corpus", target);

    /// <summary>The repository root above <paramref name="start"/> (the folder holding PSRemotingDsc.sln), or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PSRemotingDsc.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>Every file of <paramref name="directory"/> (not recursive) in ordinal order of name, with its bytes.</summary>
    public static IReadOnlyList<FuzzInput> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The fuzz corpus folder '{directory}' does not exist.");
        }

        var inputs = Directory.GetFiles(directory)
            .Order(StringComparer.Ordinal)
            .Select(file => new FuzzInput($"corpus {Path.GetFileName(directory)}/{Path.GetFileName(file)}", File.ReadAllBytes(file)))
            .ToList();
        return inputs.Count > 0 ? inputs : throw new InvalidOperationException($"The fuzz corpus folder '{directory}' is empty.");
    }
}
