namespace PSRemotingDsc.Tests.WSMan.Security;

/// <summary>The files under tests/fixtures/wsman/sddl: notes on lines starting with '#', then one SDDL line.</summary>
internal static class SddlFixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "wsman", "sddl");

    public static IReadOnlyList<string> FileNames =>
        [.. System.IO.Directory.GetFiles(Directory, "*.sddl").Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Names => new(FileNames);

    public static string Sddl(string name) =>
        File.ReadAllLines(Path.Combine(Directory, name)).Single(line => line.Length > 0 && !line.StartsWith('#'));
}
