using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Tests.Errors;

public class ExitCodeDescriptionsTests
{
    [Fact]
    public void EveryExitCode_HasExactlyOneDescription()
    {
        var described = ExitCodeDescriptions.All.Select(pair => pair.Key).ToList();
        Assert.Equal(Enum.GetValues<ExitCode>().Order(), described.Order());
        Assert.Equal(described.Count, described.Distinct().Count());
        Assert.All(ExitCodeDescriptions.All, pair => Assert.EndsWith(".", pair.Value, StringComparison.Ordinal));
    }
}
