using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>Reads the file's DACL with <see cref="FileSystemAclExtensions"/> (part of the net10.0 shared framework on Windows) and evaluates it.</summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsPluginFileAccess : IPluginFileAccess
{
    /// <inheritdoc />
    /// <remarks>Explicit and inherited entries count; entries that only propagate to children do not.</remarks>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">This process may not read the file's security descriptor.</exception>
    public PluginFileAccessReport CheckNonAdminAccess(string configFilePath)
    {
        FileSecurity security = new FileInfo(configFilePath).GetAccessControl(AccessControlSections.Access);
        var aces = new List<FileAccessEvaluator.FileAce>();
        foreach (FileSystemAccessRule rule in security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier)))
        {
            if ((rule.PropagationFlags & PropagationFlags.InheritOnly) != 0)
            {
                continue;
            }

            aces.Add(new(rule.IdentityReference.Value, rule.AccessControlType == AccessControlType.Allow, (int)rule.FileSystemRights));
        }

        return new PluginFileAccessReport(true, FileAccessEvaluator.Evaluate(configFilePath, aces));
    }
}
