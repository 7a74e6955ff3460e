using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;

namespace SoraStudio.EndToEnd.Tests;

/// <summary>
/// The studio on a real port (Kestrel), with its data in a fresh temporary folder, its owner set up unattended
/// through configuration (<see cref="OwnerEmail"/>), and the in-process emulator rendering in a fraction of a second.
/// </summary>
public sealed class StudioServer : WebApplicationFactory<Program>
{
    public const string OwnerEmail = "owner@studio.test";
    public const string OwnerPassword = "owner password 1";
    public const string OwnerName = "Olive Owner";

    public string DataPath { get; } = Directory.CreateTempSubdirectory("sora-e2e-").FullName;

    public Uri BaseAddress { get; }

    public StudioServer()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Studio:DataPath", DataPath);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Studio:Owner:Email", OwnerEmail);
        builder.UseSetting("Studio:Owner:Password", OwnerPassword);
        builder.UseSetting("Studio:Owner:DisplayName", OwnerName);
        // The in-process emulator, fast, with its committed sample clips; never a real endpoint from the environment.
        builder.UseSetting("OPENAI_API_KEY", "");
        builder.UseSetting("Sora:ApiKey", "");
        builder.UseSetting("Emulator:RenderSecondsPerVideoSecond", "0.05");
        builder.UseSetting("Emulator:QueueDelayMs", "50");
        builder.UseSetting("Emulator:PollAfterMs", "100");
        builder.UseSetting("Emulator:Media:UseFfmpeg", "false");
        builder.UseSetting("Studio:Generation:IdleDelay", "00:00:00.100");
        builder.UseSetting("Studio:Generation:PollInterval", "00:00:00.200");
        builder.UseSetting("Studio:Generation:PollBackoff", "1.0");
        builder.UseSetting("Studio:Generation:MaxPollInterval", "00:00:00.200");
    }

    /// <summary>A service scope acting as the user with <paramref name="email"/> (the owner by default), for seeding data.</summary>
    public async Task<AsyncServiceScope> ScopeAsAsync(string email = OwnerEmail)
    {
        var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new StudioIdentity(user.Id, user.DisplayName, email == OwnerEmail));
        return scope;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }
}
