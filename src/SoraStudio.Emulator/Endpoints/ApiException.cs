namespace SoraStudio.Emulator.Endpoints;

/// <summary>Thrown anywhere in request handling; the pipeline turns it into the OpenAI error envelope.</summary>
internal sealed class ApiException(int statusCode, string message, string type = ApiErrors.InvalidRequest, string? param = null, string? code = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Type { get; } = type;
    public string? Param { get; } = param;
    public string? Code { get; } = code;
    public int? RetryAfterSeconds { get; init; }

    public ErrorResponse ToResponse() => new(new ErrorBody(Message, Type, Param, Code));
}
