namespace PSRemotingDsc.Tests.Versions;

/// <summary>A fresh directory under the system temp folder, deleted on dispose. <see cref="Path"/> has symlinks resolved.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        // The temp folder may sit behind a symlink (macOS: /var -> /private/var); tests compare against resolved paths.
        Path = PSRemotingDsc.Versions.RealPath.Resolve(Directory.CreateTempSubdirectory("psremotingdsc-").FullName);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Join([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
