namespace SoraStudio.Web.Operations;

/// <summary>
/// Every response carries <c>X-Request-Id</c>: the request's id in the logs (ASP.NET Core's <c>RequestId</c> scope).
/// A caller's own <c>X-Request-Id</c> (up to 128 plain characters) is logged beside it as <c>ClientRequestId</c>,
/// so a script's id and the studio's logs meet.
/// </summary>
public static class RequestIds
{
    public const string Header = "X-Request-Id";

    public static IApplicationBuilder UseStudioRequestIds(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.Headers[Header] = http.TraceIdentifier;
        var client = http.Request.Headers[Header].ToString();
        if (client.Length is > 0 and <= 128 && client.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SoraStudio.Web.Requests");
            using (logger.BeginScope(new Dictionary<string, object> { ["ClientRequestId"] = client }))
                await next(http);
        }
        else
        {
            await next(http);
        }
    });
}
