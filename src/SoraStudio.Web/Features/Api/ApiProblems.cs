using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SoraStudio.Web.Features.Api;

/// <summary>Every API refusal as RFC 7807 problem details, with the request id to find it in the logs.</summary>
public static class ApiProblems
{
    public static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>400 with the messages by field (JSON paths such as "name" or "spec.seconds").</summary>
    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors, string detail) =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value), detail: detail, title: "The request is not valid.");

    public static IResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, message);

    public static IResult From(StudioException e, Func<string, string>? field = null) => e.Kind switch
    {
        StudioErrorKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
        StudioErrorKind.Invalid => Invalid(e.Errors.ToDictionary(p => field?.Invoke(p.Key) ?? p.Key, p => p.Value), e.Message),
        StudioErrorKind.OverBudget => Problem(StatusCodes.Status409Conflict, "Over budget", e.Message),
        StudioErrorKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
        StudioErrorKind.Unauthenticated => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", e.Message),
        _ => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message),
    };

    /// <summary>Adds the request id to every problem the app writes.</summary>
    public static IServiceCollection AddStudioProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["requestId"] = c.HttpContext.TraceIdentifier;
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
        });

    /// <summary>
    /// Under <c>/api</c>: the UI's status-code pages are off, and an error status the pipeline leaves without a body
    /// (405, 401/403 from authentication, an unmatched route) gets problem details instead; an unhandled exception
    /// becomes a 500 problem rather than the UI's error page. Place it after <c>UseStatusCodePages</c>.
    /// </summary>
    public static IApplicationBuilder UseStudioApiProblems(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments(ApiEndpoints.Prefix))
        {
            await next(http);
            return;
        }
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        try
        {
            // What routing answers itself under /api — no endpoint (404), or its 405 and 415 endpoints — carries none of
            // the API's token policy, so the app's signed-in fallback would send it to the sign-in page. Answer it here,
            // token or not: it reveals nothing and writes nothing.
            if (http.GetEndpoint() is not { } endpoint)
                http.Response.StatusCode = StatusCodes.Status404NotFound;
            else if (!endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy == Accounts.Tokens.ApiTokenAuthentication.Policy))
                await (endpoint.RequestDelegate?.Invoke(http) ?? Task.CompletedTask);
            else
                await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SoraStudio.Web.Api").LogError(e, "The API request failed.");
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        if (http.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null, ContentType: null })
        {
            var status = http.Response.StatusCode;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = status,
                    Title = ReasonPhrase(status),
                    Detail = status switch
                    {
                        404 => $"There is no API endpoint at {http.Request.Method} {http.Request.Path}.",
                        405 => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
                        415 => $"Send the body as JSON with Content-Type: application/json (not “{http.Request.ContentType ?? "none"}”).",
                        401 => "Send a personal access token: Authorization: Bearer <token>.",
                        403 => "The token does not give access to this.",
                        500 => $"The studio failed to handle the request; the logs say why (request {http.TraceIdentifier}).",
                        _ => null,
                    },
                },
            });
        }
    });

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
