using PSRemotingDsc.Fuzzing;

namespace PSRemotingDsc.Tests.Fuzzing;

public sealed class SmokePassTests : IDisposable
{
    private readonly ManualResetEventSlim _release = new();

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
    }

    [Fact]
    public void Run_CountsCrashes_AndDescribesTheFirstWithItsInputAsBase64AndItsException()
    {
        var target = new ScriptedTarget(text =>
        {
            if (text.Contains('!', StringComparison.Ordinal))
            {
                throw new InvalidOperationException("a bug");
            }
        });
        var corpus = new[] { new FuzzInput("corpus test/a", "ok"u8.ToArray()), new FuzzInput("corpus test/b", "crash!"u8.ToArray()) };

        var result = SmokePass.Run(target, corpus, new SmokeOptions { GeneratedInputs = 0 });

        Assert.Equal(1, result.Crashes);
        Assert.Equal("corpus test/b", result.FirstCrash!.Input.Origin);
        var description = result.Describe();
        Assert.Contains(Convert.ToBase64String("crash!"u8.ToArray()), description, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: a bug", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DoesNotCountTheDocumentedFailure_AsACrash()
    {
        var target = new ScriptedTarget(_ => throw new FormatException("bad input"));

        var result = SmokePass.Run(target, [new FuzzInput("corpus test/a", [1, 2, 3])], new SmokeOptions { GeneratedInputs = 50 });

        Assert.Equal(0, result.Crashes);
        Assert.Equal(51, result.InputsRun);
    }

    [Fact]
    public void Run_ReportsAnInputThatDoesNotReturn_AsAHang()
    {
        var target = new ScriptedTarget(text =>
        {
            if (text == "stuck")
            {
                _release.Wait();
            }
        });
        var corpus = new[] { new FuzzInput("corpus test/a", "fine"u8.ToArray()), new FuzzInput("corpus test/b", "stuck"u8.ToArray()) };

        var result = SmokePass.Run(target, corpus, new SmokeOptions { GeneratedInputs = 0, HangTimeout = TimeSpan.FromMilliseconds(300) });

        Assert.True(result.FirstCrash!.IsHang);
        Assert.Equal("corpus test/b", result.FirstCrash.Input.Origin);
        Assert.Contains("did not return", result.Describe(), StringComparison.Ordinal);
    }

    /// <summary>A target whose documented failure is <see cref="FormatException"/>.</summary>
    private sealed class ScriptedTarget(Action<string> execute) : FuzzTarget
    {
        public override string Name => "scripted";

        public override string Description => "test double";

        public override IReadOnlyList<string> Dictionary => ["!"];

        public override IReadOnlyList<(string Open, string Close)> Nesting => [("(", ")")];

        protected override void Execute(string text, ReadOnlySpan<byte> input) => execute(text);

        protected override bool IsDocumentedFailure(Exception exception) => exception is FormatException;
    }
}
