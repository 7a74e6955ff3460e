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

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _ownsData;

    public string DataPath { get; }

    public Uri BaseAddress { get; }

    /// <param name="settings">Configuration laid over the defaults below (e.g. the emulator's faults).</param>
    /// <param name="dataPath">An existing data folder to run on (kept afterwards), e.g. to restart on a studio's data.</param>
    /// <param name="port">A fixed port, e.g. to restart on the same address; 0 takes a free one.</param>
    public StudioServer(IReadOnlyDictionary<string, string?>? settings = null, string? dataPath = null, int port = 0)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _ownsData = dataPath is null;
        DataPath = dataPath ?? Directory.CreateTempSubdirectory("sora-e2e-").FullName;
        UseKestrel(port);
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
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
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
        if (disposing && _ownsData)
            try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }
}
