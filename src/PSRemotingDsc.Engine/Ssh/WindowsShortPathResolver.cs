using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace PSRemotingDsc.Ssh;

/// <summary><see cref="IShortPathResolver"/> over kernel32 <c>GetShortPathNameW</c>; Windows only.</summary>
[SupportedOSPlatform("windows")]
public sealed partial class WindowsShortPathResolver : IShortPathResolver
{
    /// <inheritdoc />
    /// <remarks>
    /// A component that has no 8.3 name (short names turned off on the volume) comes back in its long form, so the
    /// result may equal <paramref name="longPath"/>; null only when the call fails, for example when the path does
    /// not exist.
    /// </remarks>
    public string? GetShortPath(string longPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(longPath);
        var buffer = new char[260];
        while (true)
        {
            var length = GetShortPathNameW(longPath, buffer, (uint)buffer.Length);
            if (length == 0)
            {
                return null;
            }

            if (length < buffer.Length)
            {
                return new string(buffer, 0, (int)length);
            }

            // Too small: length is the size needed, including the terminating null.
            buffer = new char[length];
        }
    }

    [LibraryImport("kernel32.dll", EntryPoint = "GetShortPathNameW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial uint GetShortPathNameW(string lpszLongPath, [Out] char[] lpszShortPath, uint cchBuffer);
}
