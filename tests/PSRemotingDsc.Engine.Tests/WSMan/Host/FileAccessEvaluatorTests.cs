using PSRemotingDsc.WSMan.Host;
using Ace = PSRemotingDsc.WSMan.Host.FileAccessEvaluator.FileAce;

namespace PSRemotingDsc.Tests.WSMan.Host;

public sealed class FileAccessEvaluatorTests
{
    private const int ReadAndExecute = 0x1200A9;
    private const int Modify = 0x1301BF;
    private const int FullControl = 0x1F01FF;
    private const int WriteData = 0x2;

    // What a file created under System32 inherits: SYSTEM and Administrators full control, Users read & execute.
    private static readonly Ace[] System32Default =
    [
        new("S-1-5-18", true, FullControl),
        new("S-1-5-32-544", true, FullControl),
        new("S-1-5-32-545", true, ReadAndExecute),
    ];

    [Fact]
    public void TheSystem32Default_LetsUsersReadButNobodyNonAdminWrite()
    {
        IReadOnlyList<MissingFileAccess> missing = FileAccessEvaluator.Evaluate("f", System32Default);

        Assert.Equal(["S-1-5-32-545 write", "S-1-5-32-580 read", "S-1-5-32-580 write"], missing.Select(m => $"{m.Sid} {m.Right}"));
    }

    [Fact]
    public void ModifyForBothGroups_IsEnough()
    {
        Ace[] aces = [.. System32Default, new("S-1-5-32-545", true, Modify), new("S-1-5-32-580", true, Modify)];

        Assert.Empty(FileAccessEvaluator.Evaluate("f", aces));
    }

    [Fact]
    public void ADenyForEveryone_WinsOverAnAllow()
    {
        Ace[] aces = [new("S-1-5-11", true, Modify), new("S-1-1-0", false, WriteData)];

        Assert.Equal(["S-1-5-32-545 write", "S-1-5-32-580 write"], FileAccessEvaluator.Evaluate("f", aces).Select(m => $"{m.Sid} {m.Right}"));
    }

    [Fact]
    public void GenericRightsInAnAce_AreMappedToFileRights()
    {
        Ace[] aces = [new("S-1-5-11", true, unchecked((int)0xC0000000))];

        Assert.Empty(FileAccessEvaluator.Evaluate("f", aces));
    }

    [Fact]
    public void WriteDataAlone_IsNotWriteAccess()
    {
        Ace[] aces = [new("S-1-5-11", true, ReadAndExecute | WriteData)];

        Assert.Equal(2, FileAccessEvaluator.Evaluate("f", aces).Count(m => m.Right == "write"));
    }
}
