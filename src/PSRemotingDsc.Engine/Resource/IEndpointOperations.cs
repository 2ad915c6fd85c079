namespace PSRemotingDsc.Resource;

/// <summary>What one transport does for the resource; <see cref="EndpointResource"/> picks the transport.</summary>
internal interface IEndpointOperations
{
    OperationResult Get(EndpointProperties properties);

    OperationResult Test(EndpointProperties properties);

    OperationResult Set(EndpointProperties properties, bool whatIf);

    IReadOnlyList<EndpointState> Export(EndpointProperties filter);
}
