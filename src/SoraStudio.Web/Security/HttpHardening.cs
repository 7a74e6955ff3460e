namespace SoraStudio.Web.Security;

/// <summary>
/// Headers every answer of the studio carries: <c>X-Content-Type-Options: nosniff</c> (a browser never runs a clip, an
/// image or JSON as something else), the <see cref="ContentSecurityPolicy"/> on HTML pages, and
/// <c>Connection: close</c> on a 413, whose body was left unread so the connection cannot carry another request.
/// </summary>
public static class HttpHardening
{
    /// <summary>Place it first: the headers are added as each response starts, whoever writes it.</summary>
    public static IApplicationBuilder UseStudioHttpHardening(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var response = http.Response;
        response.OnStarting(() =>
        {
            response.Headers.XContentTypeOptions = "nosniff";
            if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.Value;
            if (response.StatusCode == StatusCodes.Status413PayloadTooLarge)
                response.Headers.Connection = "close";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
