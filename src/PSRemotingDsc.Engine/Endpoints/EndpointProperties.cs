namespace PSRemotingDsc.Endpoints;

/// <summary>
/// The properties of one endpoint instance as the user wrote them. A null member was not set and is therefore
/// not enforced; the engine applies defaults and checks values once, when it builds the desired endpoint.
/// </summary>
public sealed record EndpointProperties : EndpointSettings
{
    /// <summary>Whether the endpoint should exist: <see cref="EndpointSettings.Exist"/>, true when unset.</summary>
    public bool ShouldExist => Exist ?? true;

    /// <summary>The first property set that does not apply to <paramref name="transport"/>, or null.</summary>
    public PropertyDeclaration? PropertyForeignTo(Transport transport) =>
        EndpointContract.Settable.FirstOrDefault(property => !property.AppliesTo(transport) && property.ValueOf(this) is not null);
}
