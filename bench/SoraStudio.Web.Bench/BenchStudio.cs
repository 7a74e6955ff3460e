using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SoraStudio.Core.Spec;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Bench;

/// <summary>The studio's data, storage and application services on a SQLite file in a temp folder; the worker is off.</summary>
internal sealed class BenchStudio : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly AsyncServiceScope _scope;

    private BenchStudio(IHost host, string folder, StudioIdentity owner)
    {
        _host = host;
        _scope = host.Services.CreateAsyncScope();
        // The application services act for a signed-in user: the bench's owner, Owner of what it creates.
        _scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(owner);
        Folder = folder;
    }

    public string Folder { get; }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public Task<StudioDbContext> DbAsync() => Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();

    public static async Task<BenchStudio> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sora-web-bench-" + Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Studio:DataPath"] = folder,
            ["Studio:Generation:Enabled"] = "false",
            ["Sora:BaseUrl"] = "http://127.0.0.1:9/v1",
            ["Sora:ApiKey"] = "sk-bench",
        });
        builder.Services.AddStudioData();
        builder.Services.AddStudioStorage();
        builder.Services.AddVideosApi(builder.Configuration);
        builder.Services.AddStudioGeneration();
        builder.Services.AddStudioFeatures(builder.Configuration);
        builder.Services.AddStudioAccounts();
        var host = builder.Build();
        await host.StartAsync();
        await using var setup = host.Services.CreateAsyncScope();
        var owner = await setup.ServiceProvider.GetRequiredService<AccountService>().CreateOwnerAsync(new NewAccount("Bench", "bench@studio.test", "bench password 1"));
        return new BenchStudio(host, folder, new StudioIdentity(owner.Id, owner.DisplayName, IsStudioOwner: true));
    }

    public static ShotSpec Spec(int shot) => ShotSpec.Empty with
    {
        Style = "35 mm film, warm tungsten light",
        Scene = $"Shot {shot}: a lighthouse keeper climbs the spiral stairs at dusk, lantern in hand.",
    };

    /// <summary>A project with <paramref name="shots"/> shots.</summary>
    public async Task<(long ProjectId, List<long> ShotIds)> ProjectAsync(int shots, decimal? budget = null)
    {
        var projectId = await Get<ProjectService>().CreateAsync(new ProjectInput("Bench", Budget: budget));
        var ids = new List<long>();
        for (var i = 0; i < shots; i++)
            ids.Add(await Get<ShotService>().AddAsync(projectId, $"Shot {i}", Spec(i)));
        return (projectId, ids);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
