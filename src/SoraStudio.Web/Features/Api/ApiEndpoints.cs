using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using SoraStudio.Web.Features.Accounts.Tokens;
using SoraStudio.Core.Advice;
using SoraStudio.Core.Catalog;

namespace SoraStudio.Web.Features.Api;

/// <summary>
/// The automation API under <c>/api/v1</c>, over the same application services as the UI. Every endpoint is in the
/// one group <see cref="MapStudioApi"/> returns, which requires a personal access token
/// (<see cref="ApiTokenAuthentication"/>) and acts with its user's rights. Bodies are strict JSON (<see cref="ApiJson"/>); every
/// refusal is problem details (<see cref="ApiProblems"/>).
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    /// <summary>The name of the OpenAPI document's security scheme.</summary>
    public const string BearerSchemeName = "bearer";

    public static string TakeUrl(long takeId) => $"{Prefix}/takes/{takeId}";

    public static string ContentUrl(long takeId, string variant) => $"{Prefix}/takes/{takeId}/content/{variant}";

    /// <summary>The API's services and its OpenAPI document (<c>/openapi/v1.json</c>, API endpoints only).</summary>
    public static IServiceCollection AddStudioApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0 && o.DefaultPageSize is > 0 and <= Gallery.GalleryQueries.MaxPageSize,
                $"Studio:Api:MaxRequestBodyBytes must be positive and DefaultPageSize 1 to {Gallery.GalleryQueries.MaxPageSize}.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new PromptAdvisor(sp.GetRequiredService<ModelCatalog>()));
        services.AddStudioProblemDetails();
        // The OpenAPI document describes schemas with the minimal-API JSON options: enums as the API writes them.
        // (The emulator mounted in the app writes its JSON with its own source-generated context.)
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith(Prefix[1..] + "/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Sora Studio automation API";
                document.Info.Description = "Projects, shots (ShotSpec JSON), prompts, advice, generation, takes, clip downloads, remixes, the cast and continuing a take. " +
                    "Errors are RFC 7807 problem details. Authenticate with a personal access token (create one at /account/tokens): " +
                    "Authorization: Bearer sora_pat_…";
                // Every operation needs a token: one bearer scheme, required document-wide.
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "sora_pat_…",
                    Description = "A personal access token, created at /account/tokens; it acts with its user's own rights.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeName, document)] = [] }];
                // Every operation can answer 401 (no valid token); every change can answer 403 (the token's role).
                foreach (var (_, item) in document.Paths)
                {
                    foreach (var (method, operation) in item.Operations ?? [])
                    {
                        operation.Responses ??= new OpenApiResponses();
                        operation.Responses.TryAdd("401", Refusal("The token is missing, malformed, unknown, expired or revoked."));
                        if (method != HttpMethod.Get)
                            operation.Responses.TryAdd("403", Refusal("The token's user has a role in the project that does not allow this."));
                    }
                }
                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static OpenApiResponse Refusal(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
        },
    };

    /// <summary>Maps the API and <c>/openapi/v1.json</c>; returns the API's group (token-authenticated).</summary>
    public static RouteGroupBuilder MapStudioApi(this IEndpointRouteBuilder endpoints)
    {
        // The document describes the API to anyone; the API itself is what tokens protect.
        endpoints.MapOpenApi().AllowAnonymous();
        // Personal access tokens only (ApiTokenAuthentication): a sign-in cookie does not authenticate the API.
        var api = endpoints.MapGroup(Prefix).WithTags("Sora Studio").RequireAuthorization(ApiTokenAuthentication.Policy);
        api.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (StudioException e)
            {
                return ApiProblems.From(e);
            }
        });
        api.MapProjectsApi();
        api.MapShotsApi();
        api.MapPromptsApi();
        api.MapTakesApi();
        api.MapInsightApi();
        api.MapCommentsApi();
        api.MapCastApi();
        // No fallback route here: it would win over routing's own 405 and 415 answers. ApiProblems.UseStudioApiProblems
        // turns those, and the 404 of a path no endpoint matches, into problem details.
        return api;
    }

    internal static long MaxBody(this HttpContext http) => http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;

    /// <summary>Who asked, for the takes' "requested by": the token's user.</summary>
    internal static string Caller(this HttpContext http) => http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "api";
}
