using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SoraStudio.SoraApi.Bench;

/// <summary>A Kestrel endpoint serving <c>size</c> bytes at <c>/v1/videos/{id}/content</c>, from one reused buffer so the server allocates next to nothing.</summary>
internal sealed class ContentServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ContentServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<ContentServer> StartAsync(long size)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var chunk = new byte[1024 * 1024];
        new Random(42).NextBytes(chunk);
        app.MapGet("/v1/videos/{id}/content", async (HttpContext context) =>
        {
            context.Response.ContentType = "video/mp4";
            context.Response.ContentLength = size;
            for (var left = size; left > 0; left -= chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)), context.RequestAborted);
            }
        });
        await app.StartAsync();
        var address = app.Urls.Single();
        return new ContentServer(app, address + "/v1");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
