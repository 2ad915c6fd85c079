using System.Buffers.Binary;

namespace PSRemotingDsc.Tests.WSMan.Host;

/// <summary>
/// A real Windows pwrshplugin.dll: the win-x64 copy inside the pinned PowerShell dotnet tool package
/// (<c>runtimes/win-x64/native/pwrshplugin.dll</c>, shipped in both the unix and win flavours), and copies of it with a
/// patched VS_FIXEDFILEINFO file version, which are still valid PE images.
/// </summary>
internal static class NativePluginFixture
{
    internal const string MissingReason = "No real pwrshplugin.dll: " + RealPowerShell.MissingReason;

    internal static string? Path =>
        RealPowerShell.PSHome is { } home && System.IO.Path.Join(home, "runtimes", "win-x64", "native", "pwrshplugin.dll") is { } path && File.Exists(path)
            ? path
            : null;

    /// <summary>Writes a copy of the real plugin whose file version is <paramref name="version"/>.</summary>
    internal static void WriteWithVersion(string source, string target, Version version)
    {
        byte[] bytes = File.ReadAllBytes(source);
        int at = FindSignature(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 8), (uint)((version.Major << 16) | version.Minor));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 12), (uint)((version.Build << 16) | version.Revision));
        File.WriteAllBytes(target, bytes);
    }

    private static int FindSignature(byte[] bytes)
    {
        for (int i = 0; i + 4 <= bytes.Length; i += 4)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == 0xFEEF04BD)
            {
                return i;
            }
        }

        throw new InvalidOperationException("The fixture has no VS_FIXEDFILEINFO.");
    }
}
