using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan.Host;

namespace PSRemotingDsc.Tests.WSMan.Host;

public sealed class DirectoryPluginStoreTests
{
    private const string Xml = "<PlugInConfiguration xmlns=\"http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration\" Name=\"PowerShell.7\" />";

    [Fact]
    public void Create_WritesConfigXml_WhereTheRegistryLayoutPutsIt()
    {
        using var root = new TempDirectory();
        var store = new DirectoryPluginStore(root.Path);

        store.Create("PowerShell.7", Xml);

        string expected = root.Combine("SOFTWARE", "Microsoft", "Windows", "CurrentVersion", "WSMAN", "Plugin", "PowerShell.7", "ConfigXML.xml");
        Assert.Equal(Xml, File.ReadAllText(expected));
        Assert.Equal(["PowerShell.7"], store.ListPluginNames());
        Assert.Equal(Xml, store.GetConfigXml("powershell.7"));
    }

    [Fact]
    public void Put_ReplacesTheDocument_AndLeavesNoTempFileBehind()
    {
        using var root = new TempDirectory();
        var store = new DirectoryPluginStore(root.Path);
        store.Create("PowerShell.7", Xml);

        store.Put("PowerShell.7", "<changed/>");

        Assert.Equal("<changed/>", store.GetConfigXml("PowerShell.7"));
        string folder = Path.Join(store.PluginRoot, "PowerShell.7");
        Assert.Equal(["ConfigXML.xml"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Create_Fails_WhenAPluginOfTheSameNameExistsInAnotherCase()
    {
        using var root = new TempDirectory();
        var store = new DirectoryPluginStore(root.Path);
        store.Create("PowerShell.7", Xml);

        var error = Assert.Throws<PSRemotingDscException>(() => store.Create("POWERSHELL.7", "<other/>"));

        Assert.Equal("PluginAlreadyExists", error.ErrorId);
        Assert.Equal(Xml, store.GetConfigXml("PowerShell.7"));
    }

    [Fact]
    public void Put_Fails_WhenThePluginDoesNotExist()
    {
        using var root = new TempDirectory();
        var store = new DirectoryPluginStore(root.Path);

        var error = Assert.Throws<PSRemotingDscException>(() => store.Put("PowerShell.7", Xml));

        Assert.Equal("PluginNotFound", error.ErrorId);
        Assert.Empty(store.ListPluginNames());
    }

    [Fact]
    public void Delete_RemovesThePlugin_AndIgnoresAMissingOne()
    {
        using var root = new TempDirectory();
        var store = new DirectoryPluginStore(root.Path);
        store.Create("PowerShell.7", Xml);
        store.Create("PowerShell.7.4.6", Xml);

        store.Delete("powershell.7");
        store.Delete("NotThere");

        Assert.Equal(["PowerShell.7.4.6"], store.ListPluginNames());
        Assert.Null(store.GetConfigXml("PowerShell.7"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a\\b")]
    [InlineData("name with space")]
    [InlineData("x&calc")]
    [InlineData("..")]
    [InlineData("")]
    public void EveryOperation_RejectsANameThatIsNotPlainCharacters(string name)
    {
        using var root = new TempDirectory();
        var store = new DirectoryPluginStore(root.Path);

        var error = Assert.Throws<PSRemotingDscException>(() => store.Create(name, Xml));

        Assert.Equal(ExitCode.PluginNameInvalid, error.ExitCode);
        Assert.Equal(ExitCode.PluginNameInvalid, Assert.Throws<PSRemotingDscException>(() => store.Delete(name)).ExitCode);
        Assert.Empty(root.EntryNames());
    }
}
