using System.Text;

namespace PSRemotingDsc.Tests.Ssh;

/// <summary>The sshd_config files under tests/fixtures/sshd_config, copied next to the test assembly.</summary>
internal static class SshdConfigFixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "sshd_config");

    public static IReadOnlyList<string> FileNames =>
        [.. System.IO.Directory.GetFiles(Directory, "*.sshd_config").Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Names => new(FileNames);

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => new UTF8Encoding(false, true).GetString(Bytes(name));
}
