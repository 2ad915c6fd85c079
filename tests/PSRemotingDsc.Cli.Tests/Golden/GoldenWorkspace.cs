using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Cli.Tests.Golden;

/// <summary>
/// The temp root of a golden run: fixture PowerShell installations (read-only, shared), a WSMan machine image
/// provisioned once with every WSMan example instance (copied per case), and one folder per case holding its
/// sshd_config copy and its image. Every variable the resource reads is set here, so the run sees only fixtures.
/// </summary>
internal sealed class GoldenWorkspace : IDisposable
{
    /// <summary>Stands for the case's sshd_config copy in <see cref="GoldenCase.Arguments"/>.</summary>
    public const string ConfigPlaceholder = "{config}";

    /// <summary>The fixture installations: a line per WSMan plugin version the examples ask for, plus a preview.</summary>
    public static readonly IReadOnlyList<string> Versions = ["7.2.19", "7.4.6", "7.6.9", "7.6.0-preview.5"];

    /// <summary>
    /// The length of <see cref="Root"/>: the report pads its table columns to the longest path, so the root is padded to a
    /// fixed length and the tables' widths do not depend on where this machine keeps its temp files.
    /// </summary>
    public const int RootLength = 96;

    private readonly TempDirectory _temp = new();

    public GoldenWorkspace()
    {
        int padding = RootLength - _temp.Path.Length - 1;
        if (padding < 1)
        {
            throw new InvalidOperationException($"The temp folder '{_temp.Path}' is longer than {RootLength - 2} characters; set TMPDIR to a shorter one.");
        }

        Root = Path.Join(_temp.Path, new string('r', padding));
        Directory.CreateDirectory(Root);
        Installations = Combine("installations");
        foreach (string version in Versions)
        {
            FixtureInstallation.CreateWithPlugin(Installations, version);
        }

        Directory.CreateDirectory(Combine("home"));
        Directory.CreateDirectory(Combine("nuget"));
        TemplateDirectory = Combine("template");
        _ = new WindowsImage(Path.Join(TemplateDirectory, "image"));
    }

    /// <summary>A folder of exactly <see cref="RootLength"/> characters holding everything of the run.</summary>
    public string Root { get; }

    public string Installations { get; }

    /// <summary>Holds the provisioned image every <see cref="GoldenTarget.ProvisionedImage"/> case starts from.</summary>
    public string TemplateDirectory { get; }

    /// <summary>The case folder: <c>sshd_config</c> (a fixture copy) and <c>image</c> (a Windows machine image).</summary>
    public string CaseDirectory(GoldenCase goldenCase) => Combine("cases", goldenCase.Name);

    /// <summary>The resource's environment for a case whose folder is <paramref name="caseDirectory"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment(string caseDirectory) => new Dictionary<string, string>
    {
        [InstallationDiscovery.ExtraRootsVariable] = Installations,
        ["PSREMOTINGDSC_WSMAN_IMAGE"] = Path.Join(caseDirectory, "image"),
        [OperatingSystem.IsWindows() ? "USERPROFILE" : "HOME"] = Combine("home"),
        ["NUGET_PACKAGES"] = Combine("nuget"),
    };

    /// <summary>
    /// Null when the run sees only fixtures; otherwise why not: an installation found outside them (well-known folders,
    /// PATH), or no sshd to validate sshd_config with; both change what the resource prints.
    /// </summary>
    public string? MachineDifference()
    {
        IReadOnlyDictionary<string, string> environment = Environment(TemplateDirectory);
        string path = CliUnderTest.Directory + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH");
        var options = InstallationDiscoveryOptions.FromEnvironment(name =>
            name == "PATH" ? path : name == InstallationDiscovery.ExtraRootsVariable ? null
            : environment.TryGetValue(name, out string? value) ? value : System.Environment.GetEnvironmentVariable(name));
        IReadOnlyList<PowerShellInstallation> found = new InstallationDiscovery(options).FindInstallations();
        if (found.Count > 0)
        {
            return $"The golden run records a machine with no PowerShell outside its fixtures; this one has {string.Join(", ", found.Select(i => i.PSHome))}.";
        }

        if (PSRemotingDsc.Ssh.SshdLocator.FindSshd() is null)
        {
            return "The golden run was recorded with an sshd to validate sshd_config; this machine has none.";
        }

        // The fixtures' "Include /etc/ssh/sshd_config.d/*.conf" reads this machine's files, and a running sshd changes the reload message.
        string included = Path.Join("/etc", "ssh", "sshd_config.d");
        if (Directory.Exists(included) && Directory.EnumerateFiles(included, "*.conf").Any())
        {
            return $"The golden run was recorded with no {included}/*.conf, which the fixtures include; this machine has some.";
        }

        string? pidFile = PSRemotingDsc.Ssh.SshdServiceControl.DefaultPidFiles.FirstOrDefault(File.Exists);
        return pidFile is null ? null : $"The golden run was recorded with no sshd running; this machine has {pidFile}.";
    }

    /// <summary>Creates the case folder and returns it.</summary>
    public string Prepare(GoldenCase goldenCase)
    {
        string directory = CaseDirectory(goldenCase);
        Directory.CreateDirectory(directory);
        File.Copy(Path.Join(RepositoryPaths.Fixtures, "sshd_config", goldenCase.Target.SshdConfigFixture), Path.Join(directory, "sshd_config"));
        if (goldenCase.Target.ProvisionedImage)
        {
            CopyTree(Path.Join(TemplateDirectory, "image"), Path.Join(directory, "image"));
        }
        else
        {
            _ = new WindowsImage(Path.Join(directory, "image"));
        }

        return directory;
    }

    /// <summary>Replaces this run's temp paths with stable placeholders (see README.md).</summary>
    public GoldenNormalizer Normalizer(string caseDirectory)
    {
        var pairs = new List<(string, string)> { (caseDirectory, "<tmp>"), (TemplateDirectory, "<tmp>") };
        pairs.AddRange(Versions.OrderByDescending(v => v.Length).Select(v => (Path.Join(Installations, v), $"<pshome:{v}>")));
        pairs.Add((Installations, "<pshomes>"));
        pairs.Add((Root, "<tmp-root>"));
        pairs.Add((RepositoryPaths.Root, "<repo>"));
        return new GoldenNormalizer(pairs);
    }

    public void Dispose() => _temp.Dispose();

    private string Combine(params string[] parts) => Path.Join([Root, .. parts]);

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Join(target, Path.GetRelativePath(source, directory)));
        }

        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Join(target, Path.GetRelativePath(source, file)));
        }
    }
}
