namespace PSRemotingDsc.Ssh;

/// <summary>Finds the 8.3 short form of an existing path (Windows GetShortPathName).</summary>
public interface IShortPathResolver
{
    /// <summary>The short path, or null when it cannot be determined (for example the path does not exist).</summary>
    string? GetShortPath(string longPath);
}
