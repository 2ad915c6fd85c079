using PSRemotingDsc.Platform;

namespace PSRemotingDsc.TestSupport;

/// <summary>
/// A fresh directory under the system temp folder, deleted with its content on dispose. <see cref="Path"/> has
/// symlinks resolved (macOS: /var -> /private/var), so tests can compare it with resolved paths.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = PathIdentity.Resolve(Directory.CreateTempSubdirectory("psremotingdsc-test-").FullName);
    }

    public string Path { get; }

    /// <summary>
    /// The path of <paramref name="parts"/> under the directory. Parts may use '/' (e.g. "conf.d/a.conf"); on Windows the
    /// result is normalised to '\\' so that it equals the paths the code under test builds with the Path APIs.
    /// </summary>
    public string Combine(params string[] parts)
    {
        string joined = System.IO.Path.Join([Path, .. parts]);
        return OperatingSystem.IsWindows() ? joined.Replace('/', '\\') : joined;
    }

    /// <summary>Writes <paramref name="text"/> to a file under the directory (creating folders) and returns its full path.</summary>
    public string WriteFile(string relativePath, string text)
    {
        string path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Names of the files and directories directly inside, sorted.</summary>
    public IReadOnlyList<string> EntryNames() =>
        Directory.EnumerateFileSystemEntries(Path).Select(entry => System.IO.Path.GetFileName(entry)!).Order(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test; a test that made it undeletable reports that itself.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
