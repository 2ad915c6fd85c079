using System.Text;
using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan.Host;

namespace PSRemotingDsc.Tests.WSMan.Host;

public sealed class RemotePowerShellConfigTests
{
    [Fact]
    public void Format_WritesTheBytesOfNewPluginConfigFile()
    {
        // New-PluginConfigFile (CustomShellCommands.cs): Set-Content "PSHOMEDIR=$PSHOME"; Add-Content "CORECLRDIR=$PSHOME"
        // with PowerShell 7's default UTF-8 (no BOM) and Windows' CRLF after each line.
        byte[] bytes = RemotePowerShellConfig.Format(@"C:\Program Files\PowerShell\7");

        Assert.Equal("PSHOMEDIR=C:\\Program Files\\PowerShell\\7\r\nCORECLRDIR=C:\\Program Files\\PowerShell\\7\r\n", Encoding.ASCII.GetString(bytes));
        Assert.NotEqual(0xEF, bytes[0]);
    }

    [Fact]
    public void Parse_ReadsWhatFormatWrote()
    {
        var config = RemotePowerShellConfig.Parse(RemotePowerShellConfig.Format(@"C:\Program Files\PowerShell\7"));

        Assert.Equal(@"C:\Program Files\PowerShell\7", config.PSHomeDir);
        Assert.Equal(@"C:\Program Files\PowerShell\7", config.CoreClrDir);
    }

    [Fact]
    public void Parse_SkipsCommentLines_AndTrimsValues()
    {
        var config = RemotePowerShellConfig.Parse("# PSHOMEDIR=C:\\old\n   PSHOMEDIR=  C:\\new \t\r\n\tCORECLRDIR=C:\\clr\r\n");

        Assert.Equal(["C:\\new"], config.PSHomeDirValues);
        Assert.Equal(["C:\\clr"], config.CoreClrDirValues);
    }

    [Fact]
    public void Parse_LikeTheNativeReader_DecidesByTheFirstPOrCInTheLine()
    {
        // "path PSHOMEDIR=x": the first 'p' starts a PSHOMEDIR search, which finds the tag later in the line.
        // "copy PSHOMEDIR=y": the first 'c' starts a CORECLRDIR search, which finds nothing: an empty value.
        // "pshomedir=z": the tag is case-sensitive, so nothing.
        var config = RemotePowerShellConfig.Parse("path PSHOMEDIR=x\ncopy PSHOMEDIR=y\npshomedir=z\n");

        Assert.Equal(["x", ""], config.PSHomeDirValues);
        Assert.Equal([""], config.CoreClrDirValues);
        Assert.Equal("x", config.PSHomeDir);
    }

    [Fact]
    public void EffectiveValue_IsTheLastOneNamingAnExistingDirectory()
    {
        var config = RemotePowerShellConfig.Parse("PSHOMEDIR=C:\\a\nPSHOMEDIR=C:\\b\nPSHOMEDIR=C:\\gone\n");

        Assert.Equal("C:\\gone", config.PSHomeDir);
        Assert.Equal("C:\\b", config.EffectivePSHomeDir(dir => dir != "C:\\gone"));
        Assert.Null(config.EffectiveCoreClrDir(_ => true));
    }

    [Fact]
    public void Parse_ToleratesAUtf8ByteOrderMark_AsTheNativeReaderSkipsUnknownCharacters()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. RemotePowerShellConfig.Format(@"C:\ps")];

        Assert.Equal(@"C:\ps", RemotePowerShellConfig.Parse(withBom).PSHomeDir);
    }

    [Theory]
    [InlineData("C:\\Users\\Jürgen\\pwsh")]
    [InlineData("C:\\ps\nPSHOMEDIR=C:\\evil")]
    [InlineData(" C:\\ps")]
    [InlineData("")]
    public void Format_RefusesAPathThePluginWouldMisread(string psHome)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => RemotePowerShellConfig.Format(psHome));

        Assert.Equal(ExitCode.UnsafeValue, error.ExitCode);
    }
}
