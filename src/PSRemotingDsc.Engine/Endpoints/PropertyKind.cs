namespace PSRemotingDsc.Endpoints;

/// <summary>The wire type of a property, which decides how it is read, written and described in the schema.</summary>
public enum PropertyKind
{
    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>A JSON integer (a WSMan quota).</summary>
    Number,

    /// <summary>A JSON string from a fixed list (<see cref="PropertyDeclaration.Values"/>).</summary>
    Enumeration,

    /// <summary>A JSON array of strings.</summary>
    StringList,

    /// <summary>The <c>reasons</c> array of <c>{code, phrase}</c> objects.</summary>
    Reasons,

    /// <summary>The <c>_restartRequired</c> array of <c>{service}</c> objects.</summary>
    Services,

    /// <summary>The <c>_metadata</c> object exchanged with dsc.</summary>
    Metadata,
}
