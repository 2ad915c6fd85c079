using Xunit;
using System.Text.Json;

namespace PSRemotingDsc.TestSupport;

/// <summary>Paths and JSON fragments that mean the same on every OS the suite runs on.</summary>
public static class TestPaths
{
    /// <summary>
    /// An absolute path that does not exist, written Unix-style: "/nonexistent/x" stays as it is off Windows and
    /// becomes "C:\nonexistent\x" on Windows, where a path without a drive is not fully qualified.
    /// </summary>
    public static string Absolute(string unixStylePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(unixStylePath);
        if (!unixStylePath.StartsWith('/'))
        {
            throw new ArgumentException($"'{unixStylePath}' does not start with '/'.", nameof(unixStylePath));
        }

        return OperatingSystem.IsWindows() ? "C:" + unixStylePath.Replace('/', '\\') : unixStylePath;
    }

    /// <summary>
    /// <paramref name="text"/> escaped for use inside a JSON string literal (without the quotes), so that a Windows path
    /// with backslashes can be spliced into hand-written JSON.
    /// </summary>
    public static string JsonEscaped(string text) => JsonSerializer.Serialize(text)[1..^1];

    /// <summary>
    /// Skips the calling test on Windows when this process may not create symbolic links (they need
    /// SeCreateSymbolicLinkPrivilege or Developer Mode; the elevated Windows CI runner has it).
    /// </summary>
    public static void RequireSymbolicLinks()
    {
        if (!OperatingSystem.IsWindows())
        {
            return;
        }

        using var probe = new TempDirectory();
        string target = probe.WriteFile("target", "x");
        try
        {
            File.CreateSymbolicLink(probe.Combine("link"), target);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new SkipException($"This Windows process may not create symbolic links ({ex.Message}); run elevated or enable Developer Mode.");
        }
    }
}
