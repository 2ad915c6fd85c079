using System.Reflection;
using System.Reflection.Emit;

namespace PSRemotingDsc.TestSupport;

/// <summary>
/// Builds a fake but real-shaped PowerShell installation on disk: an executable <c>pwsh</c> (<c>pwsh.exe</c> on
/// Windows) and a real <c>System.Management.Automation.dll</c> whose AssemblyInformationalVersion is
/// <c>"&lt;version&gt; SHA: &lt;fake sha&gt;"</c>, like PowerShell's own builds.
/// </summary>
public static class FixtureInstallation
{
    public const string FakeSha = "3a0b9fb386a321f664ab6dd6a39abaf2313c76bf";

    /// <summary>Creates <c>root/&lt;version&gt;</c> as a PowerShell installation of <paramref name="version"/>; returns its full path.</summary>
    public static string Create(string root, string version) => Create(root, version, version);

    /// <summary>Creates <c>root/<paramref name="directoryName"/></c> as a PowerShell installation of <paramref name="version"/>; returns its full path.</summary>
    public static string Create(string root, string version, string directoryName) =>
        CreateWithInformationalVersion(Path.Join(root, directoryName), $"{version} SHA: {FakeSha}+{FakeSha}");

    /// <summary>Creates <paramref name="psHome"/> with pwsh and an SMA.dll carrying exactly <paramref name="informationalVersion"/>.</summary>
    public static string CreateWithInformationalVersion(string psHome, string informationalVersion)
    {
        Directory.CreateDirectory(psHome);
        WriteExecutable(Path.Join(psHome, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh"));
        WriteAssembly(Path.Join(psHome, "System.Management.Automation.dll"), "System.Management.Automation", informationalVersion);
        return Path.GetFullPath(psHome);
    }

    /// <summary>The file name of PowerShell's WinRM plugin in <c>$PSHOME</c> (Windows MSI and ZIP builds only).</summary>
    public const string PluginFileName = "pwrshplugin.dll";

    /// <summary>
    /// Creates <c>root/<paramref name="directoryName"/></c> as a Windows-style installation of <paramref name="version"/>
    /// that also ships <c>pwrshplugin.dll</c> (see <see cref="WritePlugin"/>); returns its full path.
    /// </summary>
    public static string CreateWithPlugin(string root, string version, string? directoryName = null, byte[]? pluginBytes = null)
    {
        string psHome = Create(root, version, directoryName ?? version);
        WritePlugin(psHome, pluginBytes ?? PluginBytes(version));
        return psHome;
    }

    /// <summary>
    /// Writes <c>$PSHOME/pwrshplugin.dll</c>. Only its bytes matter to the resource (it is copied and compared, never
    /// loaded), so the default content is a short stand-in that differs per version; pass the bytes of a real PE (the
    /// pinned tool's <c>runtimes/win-x64/native/pwrshplugin.dll</c>) where the file version must be readable.
    /// </summary>
    public static string WritePlugin(string psHome, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string path = Path.Join(psHome, PluginFileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The stand-in plugin content for <paramref name="version"/>: "MZ" (a PE's first bytes) and the version, not a loadable image.</summary>
    public static byte[] PluginBytes(string version) => System.Text.Encoding.ASCII.GetBytes($"MZ fixture pwrshplugin.dll of PowerShell {version}\n");

    /// <summary>Writes a real .NET assembly named <paramref name="assemblyName"/> with an AssemblyInformationalVersion attribute.</summary>
    public static void WriteAssembly(string path, string assemblyName, string? informationalVersion)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(assemblyName) { Version = new Version(7, 0, 0, 0) }, typeof(object).Assembly);
        if (informationalVersion is not null)
        {
            var constructor = typeof(AssemblyInformationalVersionAttribute).GetConstructor([typeof(string)])!;
            builder.SetCustomAttribute(new CustomAttributeBuilder(constructor, [informationalVersion]));
        }

        builder.DefineDynamicModule(assemblyName + ".dll").DefineType("Fixture", TypeAttributes.Public).CreateType();
        builder.Save(path);
    }

    /// <summary>Writes a small shell script with the executable bits set (on Windows the file only has to exist).</summary>
    public static void WriteExecutable(string path)
    {
        File.WriteAllText(path, "#!/bin/sh\necho 'fixture pwsh'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }
}
