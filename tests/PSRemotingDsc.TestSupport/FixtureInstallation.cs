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
