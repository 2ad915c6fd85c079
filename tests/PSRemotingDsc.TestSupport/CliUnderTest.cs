namespace PSRemotingDsc.TestSupport;

/// <summary>
/// The psremotingdsc the CLI tests drive. By default the JIT build copied beside the test assembly; with
/// <c>PSREMOTINGDSC_CLI_DIR</c> set, the executable in that folder instead, e.g. the NativeAOT publish:
/// <c>PSREMOTINGDSC_CLI_DIR=$PWD/artifacts/publish dotnet test tests/PSRemotingDsc.Cli.Tests</c>
/// (or <c>./build.sh test-aot</c>).
/// </summary>
public static class CliUnderTest
{
    public const string DirectoryVariable = "PSREMOTINGDSC_CLI_DIR";

    private static readonly Lazy<string> s_directory = new(FindDirectory);

    /// <summary>The folder holding the executable; put first on PATH by <see cref="DscCommandInvoker"/> users.</summary>
    public static string Directory => s_directory.Value;

    /// <summary>The executable itself (".exe" on Windows).</summary>
    public static string ExecutablePath => Path.Combine(Directory, OperatingSystem.IsWindows() ? "psremotingdsc.exe" : "psremotingdsc");

    /// <summary>True when the tests run against a folder named by <see cref="DirectoryVariable"/>.</summary>
    public static bool IsOverridden => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DirectoryVariable));

    private static string FindDirectory()
    {
        string? configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return AppContext.BaseDirectory;
        }

        // A relative value is taken from the repository root, so it means the same in every test project.
        string directory = Path.GetFullPath(configured, RepositoryPaths.Root);
        string executable = Path.Combine(directory, OperatingSystem.IsWindows() ? "psremotingdsc.exe" : "psremotingdsc");
        return File.Exists(executable)
            ? directory
            : throw new InvalidOperationException($"{DirectoryVariable}='{configured}' has no '{Path.GetFileName(executable)}' (looked for '{executable}'); publish it first, e.g. ./build.sh publish.");
    }
}
