using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using PSRemotingDsc.PowerShell.MachineConfiguration;
using PSRemotingDsc.TestSupport;
using Xunit;

namespace PSRemotingDsc.PowerShell.Tests.MachineConfiguration;

/// <summary>
/// The package read back with System.IO.Compression: the layout New-GuestConfigurationPackage writes, its hash, its
/// atomic replacement and what it refuses.
/// </summary>
public sealed class MachineConfigurationPackageTests : IDisposable
{
    private const string Manifest = "@{\n    RootModule = 'PSRemotingDsc.psm1'\n    ModuleVersion = '0.1.0'\n    GUID = '00000000-0000-0000-0000-000000000000'\n}\n";

    private readonly TempDirectory _temp = new();

    public MachineConfigurationPackageTests()
    {
        _temp.WriteFile("module/PSRemotingDsc.psd1", Manifest);
        _temp.WriteFile("module/PSRemotingDsc.psm1", "class PSRemotingEndpoint {}\n");
        _temp.WriteFile("module/en-US/about_PSRemotingDsc.help.txt", "help\n");
        Directory.CreateDirectory(_temp.Combine("module", "empty"));
    }

    private string ModuleDirectory => _temp.Combine("module");

    private string OutputDirectory => _temp.Combine("output");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Package_HasTheMofTheMetaconfigAndTheModuleContent_AtTheZipRoot()
    {
        MachineConfigurationPackageResult result = Write(PackageType.AuditAndSet);

        Assert.Equal(Path.Join(OutputDirectory, "PSRemotingSsh.zip"), result.Path);
        using ZipArchive archive = ZipFile.OpenRead(result.Path);
        Assert.Equal(
            [
                "Modules/PSRemotingDsc/PSRemotingDsc.psd1",
                "Modules/PSRemotingDsc/PSRemotingDsc.psm1",
                "Modules/PSRemotingDsc/empty/",
                "Modules/PSRemotingDsc/en-US/about_PSRemotingDsc.help.txt",
                "PSRemotingSsh.metaconfig.json",
                "PSRemotingSsh.mof",
            ],
            archive.Entries.Select(entry => entry.FullName));
        Assert.Equal(MofWriter.Encode(MachineConfigurationExample.Mof()), Read(archive, "PSRemotingSsh.mof"));
        Assert.Equal("{\r\n  \"Type\": \"AuditAndSet\",\r\n  \"Version\": \"1.0.0\"\r\n}\r\n", Encoding.ASCII.GetString(Read(archive, "PSRemotingSsh.metaconfig.json")));
        Assert.Equal(Manifest, Encoding.UTF8.GetString(Read(archive, "Modules/PSRemotingDsc/PSRemotingDsc.psd1")));
        Assert.All(archive.Entries, entry => Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0), entry.LastWriteTime.DateTime));
        Assert.Equal(archive.Entries.Sum(entry => entry.Length), result.UncompressedSize);
        Assert.Equal(PackageType.AuditAndSet, result.Type);
        Assert.Equal("1.0.0", result.Version);
        Assert.Equal("PSRemotingSsh", result.Name);
    }

    [Fact]
    public void Package_ExtractsToTheFolderMachineConfigurationReads()
    {
        MachineConfigurationPackageResult result = Write(PackageType.Audit);
        string extracted = _temp.Combine("extracted");

        ZipFile.ExtractToDirectory(result.Path, extracted);

        Assert.Equal(["Modules", "PSRemotingSsh.metaconfig.json", "PSRemotingSsh.mof"], Names(extracted));
        Assert.Equal(["PSRemotingDsc"], Names(Path.Join(extracted, "Modules")));
        Assert.Equal(["PSRemotingDsc.psd1", "PSRemotingDsc.psm1", "empty", "en-US"], Names(Path.Join(extracted, "Modules", "PSRemotingDsc")));
    }

    [Fact]
    public void ContentHash_IsTheUpperCaseSha256OfTheZip_AndTheSameForTheSameInput()
    {
        MachineConfigurationPackageResult first = Write(PackageType.Audit);
        string expected = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(first.Path)));
        MachineConfigurationPackageResult second = Write(PackageType.Audit, new MachineConfigurationPackageOptions { Overwrite = true });

        Assert.Equal(expected, first.ContentHash);
        Assert.Matches("^[0-9A-F]{64}$", first.ContentHash);
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Equal(first.ContentHash, MachineConfigurationPackage.ComputeContentHash(second.Path));
        Assert.NotEqual(first.ContentHash, Write(PackageType.AuditAndSet, new MachineConfigurationPackageOptions { Overwrite = true }).ContentHash);
    }

    [Fact]
    public void Metaconfig_CarriesTheVersion_AndTheFrequencyOnlyAbove15Minutes()
    {
        Assert.Equal("{\r\n  \"Type\": \"Audit\",\r\n  \"Version\": \"2.1.0\"\r\n}\r\n", MachineConfigurationPackage.MetaconfigJson(PackageType.Audit, "2.1.0", 15));
        Assert.Equal(
            "{\r\n  \"Type\": \"AuditAndSet\",\r\n  \"Version\": \"1.0.0\",\r\n  \"configurationModeFrequencyMins\": 30\r\n}\r\n",
            MachineConfigurationPackage.MetaconfigJson(PackageType.AuditAndSet, "1.0.0", 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => MachineConfigurationPackage.MetaconfigJson(PackageType.Audit, "1.0.0", 14));
        Assert.Throws<ArgumentException>(() => MachineConfigurationPackage.MetaconfigJson(PackageType.Audit, "1.0.0\", \"Type\": \"AuditAndSet", 15));
        Assert.Throws<ArgumentException>(() => MachineConfigurationPackage.MetaconfigJson(PackageType.Audit, "1.0.0\n", 15));
        Assert.Throws<ArgumentOutOfRangeException>(() => MachineConfigurationPackage.MetaconfigJson((PackageType)7, "1.0.0", 15));
    }

    [Fact]
    public void ExistingPackage_IsKept_WithoutOverwrite()
    {
        Directory.CreateDirectory(OutputDirectory);
        string target = Path.Join(OutputDirectory, "PSRemotingSsh.zip");
        File.WriteAllText(target, "previous");

        Assert.Throws<IOException>(() => Write(PackageType.Audit));

        Assert.Equal("previous", File.ReadAllText(target));
        Assert.Equal(["PSRemotingSsh.zip"], Names(OutputDirectory));
    }

    [Fact]
    public void FailureWhileWriting_LeavesNoPartialZip_AndNoTemporaryFile()
    {
        var exception = Assert.Throws<IOException>(() => WriteFailingOn("PSRemotingDsc.psm1", options: null));

        Assert.Equal("disk gone", exception.Message);
        Assert.Empty(Names(OutputDirectory));
    }

    [Fact]
    public void FailureWhileOverwriting_KeepsThePreviousPackageIntact()
    {
        MachineConfigurationPackageResult previous = Write(PackageType.Audit);
        byte[] before = File.ReadAllBytes(previous.Path);

        Assert.Throws<IOException>(() => WriteFailingOn("about_PSRemotingDsc.help.txt", new MachineConfigurationPackageOptions { Overwrite = true }));

        Assert.Equal(before, File.ReadAllBytes(previous.Path));
        Assert.Equal(["PSRemotingSsh.zip"], Names(OutputDirectory));
    }

    [Fact]
    public void Package_LargerThan100MBUncompressed_IsRefused_BeforeAnythingIsWritten()
    {
        using (var stream = new FileStream(_temp.Combine("module", "big.bin"), FileMode.CreateNew))
        {
            stream.SetLength(MachineConfigurationPackage.MaxUncompressedSize);
        }

        var exception = Assert.Throws<IOException>(() => Write(PackageType.Audit));

        Assert.Contains("100 MB", exception.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(OutputDirectory));
    }

    [Theory]
    [InlineData("")]
    [InlineData("PSRemoting-Ssh")]
    [InlineData("PSRemoting Ssh")]
    [InlineData("PSRemoting.Ssh")]
    [InlineData("9Lives")]
    [InlineData("../PSRemotingSsh")]
    [InlineData("sub/PSRemotingSsh")]
    [InlineData("PSRemotingSsh.zip")]
    [InlineData("Ünicode")]
    [InlineData("NUL")]
    public void PackageName_ThatBreaksTheNamingRule_IsRefused_AndNothingIsWritten(string name)
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            MachineConfigurationPackage.Write(name, PackageType.Audit, ModuleDirectory, OutputDirectory, MachineConfigurationExample.Resources, MachineConfigurationExample.Metadata));

        Assert.Equal("name", exception.ParamName);
        Assert.False(Directory.Exists(OutputDirectory));
    }

    [Fact]
    public void ModuleFolder_WithAnotherVersion_IsRefused()
    {
        File.WriteAllText(_temp.Combine("module", "PSRemotingDsc.psd1"), Manifest.Replace("0.1.0", "0.2.0", StringComparison.Ordinal));

        var exception = Assert.Throws<IOException>(() => Write(PackageType.Audit));
        Assert.Contains("0.2.0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModuleFolder_WithoutTheManifest_IsRefused()
    {
        File.Delete(_temp.Combine("module", "PSRemotingDsc.psd1"));

        Assert.Throws<IOException>(() => Write(PackageType.Audit));
    }

    [Fact]
    public void ModuleFolder_WithRequiredModules_IsRefused()
    {
        File.WriteAllText(_temp.Combine("module", "PSRemotingDsc.psd1"), Manifest.Replace("}", "    RequiredModules = @('Other')\n}", StringComparison.Ordinal));

        Assert.Throws<IOException>(() => Write(PackageType.Audit));
    }

    [Fact]
    public void ModuleFolder_WithALink_IsRefused()
    {
        File.CreateSymbolicLink(_temp.Combine("module", "link.txt"), _temp.Combine("module", "PSRemotingDsc.psm1"));

        Assert.Throws<IOException>(() => Write(PackageType.Audit));
        Assert.False(Directory.Exists(OutputDirectory));
    }

    [Fact]
    public void OutputFolder_InsideTheModuleFolder_IsRefused()
    {
        Assert.Throws<ArgumentException>(() =>
            MachineConfigurationPackage.Write("PSRemotingSsh", PackageType.Audit, ModuleDirectory, _temp.Combine("module", "out"), MachineConfigurationExample.Resources, MachineConfigurationExample.Metadata));
    }

    [Fact]
    public void Resources_OfAnotherModuleOrVersion_AreRefused()
    {
        MofResource other = MofResource.Create("PSRemotingEndpoint", "Five", "PSRemotingDsc", "0.0.9", []);

        Assert.Throws<ArgumentException>(() =>
            MachineConfigurationPackage.Write("PSRemotingSsh", PackageType.Audit, ModuleDirectory, OutputDirectory, [.. MachineConfigurationExample.Resources, other], MachineConfigurationExample.Metadata));
        Assert.False(Directory.Exists(OutputDirectory));
    }

    [Fact]
    public void MofCompiledElsewhere_IsPackagedAsItIs()
    {
        byte[] mof = File.ReadAllBytes(Path.Join(RepositoryPaths.Fixtures, "machine-configuration", "GuestConfiguration-TestScript.mof"));
        _temp.WriteFile("PSDscResources/PSDscResources.psd1", "@{\n    ModuleVersion = '2.12.0.0'\n}\n");

        MachineConfigurationPackageResult result = MachineConfigurationPackage.WriteMof(
            "TestScriptConfig", PackageType.Audit, mof, "PSDscResources", "2.12.0.0", _temp.Combine("PSDscResources"), OutputDirectory, new DateTime(2022, 1, 26, 13, 55, 29));

        using ZipArchive archive = ZipFile.OpenRead(result.Path);
        Assert.Equal(["Modules/PSDscResources/PSDscResources.psd1", "TestScriptConfig.metaconfig.json", "TestScriptConfig.mof"], archive.Entries.Select(entry => entry.FullName));
        Assert.Equal(mof, Read(archive, "TestScriptConfig.mof"));
    }

    [Theory]
    [InlineData("OtherName", "PSRemotingDsc", "0.1.0")]
    [InlineData("PSRemotingSsh", "OtherModule", "0.1.0")]
    [InlineData("PSRemotingSsh", "PSRemotingDsc", "0.2.0")]
    [InlineData("PSRemotingSsh", "PSDesiredStateConfiguration", "0.1.0")]
    public void MofCompiledElsewhere_ThatNamesAnotherConfigurationOrModule_IsRefused(string name, string moduleName, string moduleVersion)
    {
        byte[] mof = MofWriter.Encode(MachineConfigurationExample.Mof());

        Assert.Throws<ArgumentException>(() =>
            MachineConfigurationPackage.WriteMof(name, PackageType.Audit, mof, moduleName, moduleVersion, ModuleDirectory, OutputDirectory, DateTime.Now));
        Assert.False(Directory.Exists(OutputDirectory));
    }

    private static List<string> Names(string directory) =>
        [.. Directory.EnumerateFileSystemEntries(directory).Select(entry => Path.GetFileName(entry)).Order(StringComparer.Ordinal)];

    private static byte[] Read(ZipArchive archive, string name)
    {
        using Stream stream = archive.GetEntry(name)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private MachineConfigurationPackageResult Write(PackageType type, MachineConfigurationPackageOptions? options = null) =>
        MachineConfigurationPackage.Write(
            MachineConfigurationExample.Name, type, ModuleDirectory, OutputDirectory, MachineConfigurationExample.Resources, MachineConfigurationExample.Metadata, options);

    // The module file named fileName fails half way through, as a disk or a network share can.
    private MachineConfigurationPackageResult WriteFailingOn(string fileName, MachineConfigurationPackageOptions? options) =>
        MachineConfigurationPackage.Write(
            MachineConfigurationExample.Name,
            PackageType.Audit,
            ModuleDirectory,
            OutputDirectory,
            MachineConfigurationExample.Resources,
            MachineConfigurationExample.Metadata,
            options,
            path => Path.GetFileName(path) == fileName ? new FailingStream(File.ReadAllBytes(path)) : File.OpenRead(path));

    private sealed class FailingStream(byte[] content) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position > 0 ? throw new IOException("disk gone") : base.Read(buffer, offset, Math.Max(1, Math.Min(count, (int)Length / 2)));
    }
}
