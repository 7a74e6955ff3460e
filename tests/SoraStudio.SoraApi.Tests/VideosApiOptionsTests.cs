using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoraStudio.SoraApi.Tests.Fakes;

namespace SoraStudio.SoraApi.Tests;

public sealed class VideosApiOptionsTests
{
    [Fact]
    public void ToStringShowsTheSettingsButNeverTheKey()
    {
        var options = new VideosApiOptions { ApiKey = TestClient.ApiKey, Organization = "org_1" };

        var text = options.ToString();

        Assert.DoesNotContain(TestClient.ApiKey, text);
        Assert.DoesNotContain("SECRET", text);
        Assert.Contains("ApiKey = (set)", text);
        Assert.Contains("BaseUrl = https://api.openai.com/v1", text);
        Assert.Contains("org_1", text);
        Assert.Contains("ApiKey = (not set)", new VideosApiOptions().ToString());
    }

    [Fact]
    public void DefaultsMatchTheDocumentedTable()
    {
        var o = new VideosApiOptions();

        Assert.Equal("https://api.openai.com/v1", o.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(60), o.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(10), o.DownloadTimeout);
        Assert.Equal(2, o.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(500), o.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(8), o.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), o.MaxRetryAfter);
    }

    [Fact]
    public void BindsTheSoraSectionAndFallsBackToOpenAiApiKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sora:BaseUrl"] = "http://127.0.0.1:5099/v1",
            ["Sora:Project"] = "proj_9",
            ["Sora:Timeout"] = "00:00:30",
            ["Sora:MaxRetries"] = "5",
            ["Sora:MaxRetryAfter"] = "00:02:00",
            ["OPENAI_API_KEY"] = "sk-from-env",
        }).Build();
        using var services = new ServiceCollection().AddVideosApi(configuration).Services.BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<VideosApiOptions>>().Value;

        Assert.Equal("http://127.0.0.1:5099/v1", options.BaseUrl);
        Assert.Equal("proj_9", options.Project);
        Assert.Equal("sk-from-env", options.ApiKey);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMinutes(2), options.MaxRetryAfter);
        Assert.IsType<VideosApiClient>(services.GetRequiredService<IVideosApi>());
    }

    [Fact]
    public void TheSoraKeyWinsOverOpenAiApiKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sora:ApiKey"] = "sk-from-sora",
            ["OPENAI_API_KEY"] = "sk-from-env",
        }).Build();
        using var services = new ServiceCollection().AddVideosApi(configuration).Services.BuildServiceProvider();

        Assert.Equal("sk-from-sora", services.GetRequiredService<IOptions<VideosApiOptions>>().Value.ApiKey);
    }

    [Fact]
    public void StartFailsWithMessagesThatNameEachBadSettingAndNotTheKey()
    {
        using var services = new ServiceCollection()
            .AddVideosApi(o =>
            {
                o.BaseUrl = "api.openai.com";
                o.ApiKey = "sk-has a space " + TestClient.ApiKey;
                o.Timeout = TimeSpan.FromDays(60);
                o.MaxRetries = -1;
                o.BaseDelay = TimeSpan.FromSeconds(10);
            }).Services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(e.Failures, f => f.Contains("Sora:BaseUrl"));
        Assert.Contains(e.Failures, f => f.Contains("Sora:ApiKey contains whitespace"));
        Assert.Contains(e.Failures, f => f.Contains("Sora:Timeout") && f.Contains("hh:mm:ss"));
        Assert.Contains(e.Failures, f => f.Contains("Sora:MaxRetries"));
        Assert.Contains(e.Failures, f => f.Contains("Sora:BaseDelay"));
        Assert.DoesNotContain(TestClient.ApiKey, e.Message);
    }

    [Fact]
    public void AMissingKeyFailsFast()
    {
        using var services = new ServiceCollection().AddVideosApi(_ => { }).Services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["Sora:ApiKey is required (or set OPENAI_API_KEY)."], e.Failures);
    }

    [Fact]
    public void TheClientRefusesInvalidOptionsWhenBuiltByHand()
    {
        Assert.Throws<OptionsValidationException>(
            () => new VideosApiClient(new HttpClient(), Options.Create(new VideosApiOptions { ApiKey = "" })));
    }
}
