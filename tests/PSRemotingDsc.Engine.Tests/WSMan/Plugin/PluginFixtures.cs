using System.Text;

namespace PSRemotingDsc.Tests.WSMan.Plugin;

/// <summary>The plugin XML files under tests/fixtures/wsman/plugins, copied next to the test assembly.</summary>
internal static class PluginFixtures
{
    public const string WrittenByPowerShell = "powershell-7.4.6.written-by-powershell.xml";
    public const string RegisterDisabled = "powershell-7.6.0.register-disabled.written-by-powershell.xml";
    public const string RegisterPsscVirtualAccount = "powershell-7.6.0.register-pssc-virtual-account.written-by-powershell.xml";
    public const string StoredByWinRM = "powershell-7.4.6.stored-by-winrm.xml";
    public const string InstallScript = "install-powershellremoting.powershell-7.xml";
    public const string Stale72 = "powershell-7.stale-7.2.19.xml";
    public const string Store763 = "powershell-7.store-7.6.3-issue-27701.xml";
    public const string WindowsPowerShell = "windows-powershell.microsoft.powershell.xml";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "wsman", "plugins");

    public static IReadOnlyList<string> FileNames =>
        [.. System.IO.Directory.GetFiles(Directory, "*.xml").Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Names => new(FileNames);

    public static string Text(string name) => new UTF8Encoding(false, true).GetString(File.ReadAllBytes(Path.Combine(Directory, name)));

    /// <summary>The text after the leading "&lt;!-- Fixture: … --&gt;" comment, byte for byte.</summary>
    public static string Document(string name)
    {
        string text = Text(name);
        int end = text.IndexOf("-->", StringComparison.Ordinal);
        return text[(end + 3)..];
    }
}
