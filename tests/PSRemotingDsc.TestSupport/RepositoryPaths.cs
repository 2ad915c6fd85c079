namespace PSRemotingDsc.TestSupport;

/// <summary>Locations inside the repository, found from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string ManifestDirectory => Path.Combine(Root, "dsc");

    public static string ManifestPath => Path.Combine(ManifestDirectory, "psremotingdsc.dsc.resource.json");

    /// <summary>The manifest of PSRemotingDsc/EndpointSet, a second resource of the same executable.</summary>
    public static string SetManifestPath => Path.Combine(ManifestDirectory, "psremotingdsc.endpointset.dsc.resource.json");

    public static string DscSchemas => Path.Combine(Root, "tests", "schemas", "dsc");

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string Examples => Path.Combine(Root, "examples");

    public static string Source => Path.Combine(Root, "src");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PSRemotingDsc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PSRemotingDsc.sln not found above '{AppContext.BaseDirectory}'.");
    }
}
