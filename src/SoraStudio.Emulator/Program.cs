using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace SoraStudio.Emulator;

// An explicit, internal entry point: .NET 10 makes a top-level-statements Program public, and the studio,
// which references this project to mount the emulator, has its own Program.
internal static class Program
{
    // Standalone emulator: dotnet run --project src/SoraStudio.Emulator -- --urls http://127.0.0.1:5180
    // Settings come from the "Emulator" section (appsettings, environment Emulator__ApiKey=..., or --Emulator:ApiKey=...).
    private static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddVideosEmulator(builder.Configuration);

        var app = builder.Build();
        app.MapGet("/", () => Results.Text("Sora Studio Videos API emulator: POST /v1/videos, GET /v1/videos, GET /v1/videos/{id}, GET /v1/videos/{id}/content, POST /v1/videos/{id}/remix, DELETE /v1/videos/{id}\n"));
        app.MapVideosEmulator();
        app.Lifetime.ApplicationStarted.Register(() => WarnIfOpen(app));
        app.Run();
    }

    private static void WarnIfOpen(WebApplication app)
    {
        var apiKey = app.Services.GetRequiredService<IOptions<EmulatorOptions>>().Value.ApiKey;
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        if (OpenAccessWarning.For(apiKey, addresses) is { } warning)
            app.Logger.LogWarning("{Warning}", warning);
    }
}
