using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Api;

public sealed class OpenApiTests
{
    [Fact]
    public async Task TheOpenApiDocumentListsEveryApiEndpointAndNothingElse()
    {
        using var folder = new TempFolder();
        await using var app = StudioTestHost.Start(folder);
        using var client = app.Client();

        var document = await ApiAssert.JsonAsync(await client.GetAsync("/openapi/v1.json"));

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => op.Value.ValueKind == JsonValueKind.Object && op.Value.TryGetProperty("responses", out _))
                .Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .Order().ToList();
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.Contains("{*", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .Order().ToList();
        Assert.True(mapped.Count >= 20, $"only {mapped.Count} API endpoints mapped");
        Assert.Equal(mapped, documented);
        Assert.Contains("POST /api/v1/takes/{takeId}/extend", documented);
        Assert.Contains("POST /api/v1/takes/{takeId}/edit", documented);
        Assert.Contains("POST /api/v1/takes/{takeId}/continue", documented);
        Assert.Contains("POST /api/v1/takes/{takeId}/cast", documented);
        Assert.Contains("POST /api/v1/projects/{projectId}/cast", documented);
        Assert.Equal("Sora Studio automation API", document.GetProperty("info").GetProperty("title").GetString());
        // Every operation is named, so generated clients get method names.
        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _)).ToList();
        Assert.All(operations, o => Assert.True(o.Value.TryGetProperty("operationId", out _), $"{o.Name} has no operationId"));
        // Enums are described as the API writes them.
        var status = document.GetProperty("components").GetProperty("schemas").GetProperty("TakeStatus");
        Assert.Contains("inProgress", status.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task TheDocumentDeclaresTheBearerSchemeAndRequiresItEverywhere()
    {
        using var folder = new TempFolder();
        await using var app = StudioTestHost.Start(folder);
        using var client = app.Client();

        var document = await ApiAssert.JsonAsync(await client.GetAsync("/openapi/v1.json"));

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Contains("/account/tokens", scheme.GetProperty("description").GetString());
        var requirement = Assert.Single(document.GetProperty("security").EnumerateArray());
        Assert.Equal(["bearer"], requirement.EnumerateObject().Select(p => p.Name));
        // Every operation says it can be refused for the token; changes for the role too.
        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Op: o.Value)))
            .Where(o => o.Op.ValueKind == JsonValueKind.Object && o.Op.TryGetProperty("responses", out _)).ToList();
        Assert.All(operations, o => Assert.True(o.Op.GetProperty("responses").TryGetProperty("401", out _), $"{o.Method} {o.Path} has no 401"));
        Assert.All(operations.Where(o => o.Method != "get"), o => Assert.True(o.Op.GetProperty("responses").TryGetProperty("403", out _), $"{o.Method} {o.Path} has no 403"));
        // The comments endpoints are part of it.
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/takes/{takeId}/comments", out var comments));
        Assert.True(comments.TryGetProperty("get", out _) && comments.TryGetProperty("post", out _));
    }

    /// <summary>"/api/v1/projects/{projectId:long}" as OpenAPI writes it: "/api/v1/projects/{projectId}".</summary>
    private static string Normalize(string route) => System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}:]+):[^}]+\}", "{$1}");
}
