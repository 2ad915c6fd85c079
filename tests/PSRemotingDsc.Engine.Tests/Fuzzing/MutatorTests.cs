using PSRemotingDsc.Fuzzing;

namespace PSRemotingDsc.Tests.Fuzzing;

public class MutatorTests
{
    private static readonly byte[][] Seeds = ["Subsystem powershell /usr/bin/pwsh -sshs\n"u8.ToArray(), "Match all\n"u8.ToArray()];

    [Fact]
    public void Next_GivesTheSameInputs_ForTheSameSeed()
    {
        var target = FuzzTargets.Get("sshd-config");
        var first = new Mutator(7, Seeds, target, 4096);
        var second = new Mutator(7, Seeds, target, 4096);

        for (var i = 0; i < 500; i++)
        {
            Assert.Equal(first.Next(), second.Next());
        }
    }

    [Fact]
    public void Next_ChangesTheSeeds_AndKeepsInputsWithinTheMaximumLength()
    {
        var mutator = new Mutator(1, Seeds, FuzzTargets.Get("sshd-config"), 100);

        var inputs = Enumerable.Range(0, 500).Select(_ => mutator.Next()).ToList();

        Assert.All(inputs, input => Assert.True(input.Length <= 100));
        Assert.True(inputs.Count(input => !Seeds.Any(seed => seed.AsSpan().SequenceEqual(input))) > 400);
        Assert.True(inputs.Distinct(new ByteArrayComparer()).Count() > 300);
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }
}
