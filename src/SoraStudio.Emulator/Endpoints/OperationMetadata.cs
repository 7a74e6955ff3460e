namespace SoraStudio.Emulator.Endpoints;

/// <summary>Tags an endpoint with the operation it counts as in the <see cref="EmulatorRequestLog"/>.</summary>
internal sealed record OperationMetadata(EmulatorOperation Operation);
