namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// The safety net of the /dev rows: if a run replaced one of the machine's memory devices with a regular file, recreate
/// it (as root, exactly as the kernel's devtmpfs has it: character device 1,minor, mode 0666) so the machine keeps working.
/// </summary>
public static class DeviceGuard
{
    public static void RestoreIfReplaced(string device, int minor)
    {
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess
            || Tool.Run("stat", "-c", "%F %t,%T", device).Output == $"character special file 1,{minor:x}")
        {
            return;
        }

        File.Delete(device);
        Tool.RunOrThrow("mknod", "-m", "0666", device, "c", "1", minor.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
