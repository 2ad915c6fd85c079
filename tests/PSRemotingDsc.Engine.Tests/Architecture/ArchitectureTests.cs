using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using PSRemotingDsc.Resource;

namespace PSRemotingDsc.Tests.Architecture;

/// <summary>The layering CONTRIBUTING.md describes ("How the engine is laid out"), checked on the compiled engine.</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly s_engine = typeof(EndpointResource).Assembly;

    private static readonly ArchUnitNET.Domain.Architecture s_architecture = new ArchLoader().LoadAssemblies(s_engine).Build();

    [Fact]
    public void EngineNamespaces_HaveNoDependencyCycle() =>
        SliceRuleDefinition.Slices().Matching("PSRemotingDsc.(*)").Should().BeFreeOfCycles().Check(s_architecture);

    [Fact]
    public void NamespaceGraph_HasNoCycle_AndSshAndWSManDoNotUseEachOther()
    {
        Dictionary<string, HashSet<string>> graph = NamespaceGraph();

        Assert.Superset(new HashSet<string> { "Ssh", "WSMan", "Endpoints", "Drift" }, graph["Resource"]);

        Assert.DoesNotContain("WSMan", graph.GetValueOrDefault("Ssh") ?? []);
        Assert.DoesNotContain("Ssh", graph.GetValueOrDefault("WSMan") ?? []);
        Assert.Empty(Cycles(graph));
    }

    [Fact]
    public void NamespaceGraph_FindsACycle_WhenThereIsOne()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["Resource"] = ["Ssh"],
            ["Ssh"] = ["Drift"],
            ["Drift"] = ["Resource"],
        };

        Assert.Equal(["Drift -> Resource -> Ssh -> Drift"], Cycles(graph));
    }

    [Theory]
    [InlineData("PSRemotingDsc.Cli")]
    [InlineData("System.Text.Json")]
    public void Engine_DoesNotReference(string assembly) =>
        Assert.DoesNotContain(assembly, s_engine.GetReferencedAssemblies().Select(reference => reference.Name));

    /// <summary>Second-level engine namespaces (<c>Ssh</c> for <c>PSRemotingDsc.Ssh</c> and <c>PSRemotingDsc.Ssh.X</c>) and those each uses.</summary>
    private static Dictionary<string, HashSet<string>> NamespaceGraph()
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (IType type in s_architecture.Types)
        {
            if (Slice(type.Namespace?.FullName) is not { } from)
            {
                continue;
            }

            HashSet<string> targets = graph.TryGetValue(from, out HashSet<string>? existing) ? existing : graph[from] = [];
            foreach (ITypeDependency dependency in type.Dependencies)
            {
                if (Slice(dependency.Target?.Namespace?.FullName) is { } to && to != from)
                {
                    targets.Add(to);
                }
            }
        }

        return graph;
    }

    private static string? Slice(string? ns)
    {
        const string Root = "PSRemotingDsc.";
        return ns is not null && ns.StartsWith(Root, StringComparison.Ordinal) ? ns[Root.Length..].Split('.')[0] : null;
    }

    /// <summary>Every cycle, each written from its smallest namespace, found by depth-first search.</summary>
    private static List<string> Cycles(IReadOnlyDictionary<string, HashSet<string>> graph)
    {
        var cycles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string start in graph.Keys)
        {
            Walk(start, [start]);
        }

        return [.. cycles];

        void Walk(string node, List<string> path)
        {
            foreach (string next in (graph.GetValueOrDefault(node) ?? []).Order(StringComparer.Ordinal))
            {
                if (next == path[0] && path.Min(StringComparer.Ordinal) == path[0])
                {
                    cycles.Add(string.Join(" -> ", path.Append(next)));
                }
                else if (!path.Contains(next))
                {
                    Walk(next, [.. path, next]);
                }
            }
        }
    }
}
