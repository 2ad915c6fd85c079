using System.Runtime.InteropServices;
using System.Security.Principal;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// The current process: on Windows, whether its token is in the Administrators role (with UAC, only an elevated
/// token is); elsewhere, whether the effective uid is 0.
/// </summary>
public sealed partial class ProcessElevation : IElevation
{
    /// <inheritdoc />
    /// <remarks>Asked anew on every read.</remarks>
    public bool IsElevated
    {
        get
        {
            if (OperatingSystem.IsWindows())
            {
                using WindowsIdentity identity = WindowsIdentity.GetCurrent();
                return new WindowsPrincipal(identity).IsInRole(WindowsBuiltInRole.Administrator);
            }

            return GetEffectiveUserId() == 0;
        }
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
