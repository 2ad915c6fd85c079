using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Versions;

/// <summary>
/// Reads what a PowerShell installation is from its files, without starting pwsh: the
/// <c>AssemblyInformationalVersion</c> of <c>$PSHOME/System.Management.Automation.dll</c>, read with
/// System.Reflection.Metadata. The value looks like <c>7.6.9 SHA: 3a0b9fb...+3a0b9fb...</c>; like
/// PowerShell's own <c>PSVersionInfo</c>, everything from <c>" SHA:"</c> on is dropped.
/// </summary>
public static class PowerShellHomeReader
{
    /// <summary>The assembly whose version is the installation's version, without the <c>.dll</c> extension.</summary>
    public const string EngineAssemblyName = "System.Management.Automation";

    private const string InformationalVersionAttribute = "AssemblyInformationalVersionAttribute";
    private const string ReflectionNamespace = "System.Reflection";

    /// <summary>The file name of the PowerShell executable on this OS: <c>pwsh.exe</c> on Windows, else <c>pwsh</c>.</summary>
    public static string ExecutableName => OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh";

    /// <summary>
    /// The installation in <paramref name="psHome"/> (symbolic links resolved), or null if the path is not absolute,
    /// or that directory has no pwsh executable or no readable System.Management.Automation.dll with a PowerShell version.
    /// </summary>
    public static PowerShellInstallation? TryRead(string psHome, string origin)
    {
        ArgumentNullException.ThrowIfNull(psHome);
        ArgumentNullException.ThrowIfNull(origin);
        if (psHome.Length == 0 || !Path.IsPathFullyQualified(psHome))
        {
            return null;
        }

        string home = PathIdentity.Resolve(psHome);
        string executable = Path.Join(home, ExecutableName);
        if (!IsExecutableFile(executable))
        {
            return null;
        }

        string? informational = InformationalVersionMemo.GetOrRead(Path.Join(home, EngineAssemblyName + ".dll"), TryReadInformationalVersion);
        if (informational is null || !PowerShellVersion.TryParse(StripSourceSuffix(informational), out var version))
        {
            return null;
        }

        return new PowerShellInstallation(version, home, executable, origin);
    }

    /// <summary>"7.6.9 SHA: abc+abc" -> "7.6.9"; a SemVer "+metadata" suffix is dropped too.</summary>
    public static string StripSourceSuffix(string informationalVersion)
    {
        ArgumentNullException.ThrowIfNull(informationalVersion);
        string text = informationalVersion;
        int sha = text.IndexOf(" SHA:", StringComparison.Ordinal);
        if (sha >= 0)
        {
            text = text[..sha];
        }

        int plus = text.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? text[..plus] : text;
    }

    /// <summary>
    /// The AssemblyInformationalVersion of the assembly at <paramref name="assemblyPath"/> if it is
    /// System.Management.Automation; null if the file is missing, unreadable, not .NET, another assembly, or has none.
    /// </summary>
    public static string? TryReadInformationalVersion(string assemblyPath)
    {
        try
        {
            using var stream = new FileStream(assemblyPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return null;
            }

            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                return null;
            }

            var assembly = metadata.GetAssemblyDefinition();
            if (!metadata.StringComparer.Equals(assembly.Name, EngineAssemblyName))
            {
                return null;
            }

            foreach (var handle in assembly.GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                if (IsInformationalVersion(metadata, attribute.Constructor))
                {
                    return DecodeSingleStringArgument(metadata.GetBlobReader(attribute.Value));
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsInformationalVersion(MetadataReader metadata, EntityHandle constructor)
    {
        StringHandle name;
        StringHandle ns;
        switch (constructor.Kind)
        {
            case HandleKind.MemberReference:
                var parent = metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                if (parent.Kind == HandleKind.TypeReference)
                {
                    var type = metadata.GetTypeReference((TypeReferenceHandle)parent);
                    (name, ns) = (type.Name, type.Namespace);
                }
                else if (parent.Kind == HandleKind.TypeDefinition)
                {
                    var type = metadata.GetTypeDefinition((TypeDefinitionHandle)parent);
                    (name, ns) = (type.Name, type.Namespace);
                }
                else
                {
                    return false;
                }

                break;
            case HandleKind.MethodDefinition:
                var declaring = metadata.GetTypeDefinition(metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType());
                (name, ns) = (declaring.Name, declaring.Namespace);
                break;
            default:
                return false;
        }

        return metadata.StringComparer.Equals(name, InformationalVersionAttribute)
            && metadata.StringComparer.Equals(ns, ReflectionNamespace);
    }

    // ECMA-335 II.23.3: prolog 0x0001, then the fixed argument as a SerString (packed length, UTF-8; 0xFF = null).
    private static string? DecodeSingleStringArgument(BlobReader blob)
    {
        if (blob.Length < 2 || blob.ReadUInt16() != 1)
        {
            return null;
        }

        return blob.ReadSerializedString();
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        try
        {
            return (File.GetUnixFileMode(path) & AnyExecute) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
