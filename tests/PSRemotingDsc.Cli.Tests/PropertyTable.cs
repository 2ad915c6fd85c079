using System.Globalization;
using System.Text;
using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.Cli.Tests;

/// <summary>The README's property table, rendered from <see cref="EndpointContract"/>.</summary>
internal static class PropertyTable
{
    public const string Begin = "<!-- properties:begin (generated from EndpointContract; PSREMOTINGDSC_UPDATE_README=1 dotnet test rewrites it) -->";
    public const string End = "<!-- properties:end -->";

    public static string Render()
    {
        var table = new StringBuilder();
        table.Append("| Property | Type | Transport | Meaning |\n|---|---|---|---|\n");
        foreach (PropertyDeclaration property in EndpointContract.All)
        {
            table.Append(CultureInfo.InvariantCulture, $"| `{property.Name}` | {TypeOf(property)} | {TransportOf(property)} | {Cell(property.Description)} |\n");
        }

        return table.ToString();
    }

    private static string TypeOf(PropertyDeclaration property)
    {
        string type = property.Kind switch
        {
            PropertyKind.Text => "string",
            PropertyKind.Boolean => "boolean",
            PropertyKind.Number => "integer",
            PropertyKind.Enumeration => string.Join(" \\| ", property.Values.Select(pair => $"`{pair.Key}`")),
            PropertyKind.StringList => "string[]",
            PropertyKind.Reasons => "`[{code, phrase}]`",
            PropertyKind.Services => "`[{service}]`",
            _ => "object",
        };
        string? note = property.Access switch
        {
            PropertyAccess.ReadOnly => "read-only",
            PropertyAccess.WriteOnly => "write-only",
            _ => null,
        };
        string? defaultValue = property.Default switch
        {
            bool flag => $"default `{(flag ? "true" : "false")}`",
            string text => $"default `{text}`",
            _ => null,
        };
        return string.Join(", ", new[] { type, defaultValue, note }.Where(part => part is not null));
    }

    private static string TransportOf(PropertyDeclaration property) => property.Transports switch
    {
        TransportScope.Ssh => "SSH",
        TransportScope.Wsman => "WSMan",
        _ => "both",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
