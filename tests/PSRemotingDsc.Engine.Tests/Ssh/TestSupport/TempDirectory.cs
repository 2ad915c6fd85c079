namespace PSRemotingDsc.Tests.Ssh.TestSupport;

/// <summary>A fresh directory under the system temp directory, deleted (with everything in it) on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("psremotingdsc-test-").FullName;
    }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Names of the files and directories directly inside, sorted.</summary>
    public IReadOnlyList<string> EntryNames()
        => Directory.EnumerateFileSystemEntries(Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Leave it; a test that made it undeletable reports its own failure.
        }
    }
}
