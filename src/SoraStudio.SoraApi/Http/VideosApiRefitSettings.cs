using Refit;

namespace SoraStudio.SoraApi.Http;

internal static class VideosApiRefitSettings
{
    /// <summary>
    /// Source-generated JSON; request bodies buffered (sent with a length, and sendable again on a retry); faults
    /// passed through as <see cref="ApiPolicyHandler"/> classed them; a 2xx body that does not parse is malformed
    /// (for a paid call: outcome unknown).
    /// </summary>
    public static RefitSettings Create(VideosApiOptions options)
    {
        var errors = new VideosApiErrors(TimeProvider.System, options.ApiKey);
        var settings = new RefitSettings(new SourceGeneratedJsonSerializer(VideosApiJsonContext.Default)) { Buffered = true };
        settings.Exceptions.TransportExceptionFactory = static (_, fault, _) => fault;
        settings.Exceptions.DeserializationExceptionFactory = (response, fault) =>
            ValueTask.FromResult<Exception?>(errors.Malformed(ApiCall.Of(response.RequestMessage!), response, fault));
        return settings;
    }
}
