using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SoraStudio.Web.Operations;
using YamlDotNet.RepresentationModel;

namespace SoraStudio.Web.Tests.Operations;

/// <summary>
/// No Docker engine runs here, so the compose file and the Dockerfile are checked as files: what they name must
/// exist in the repository and agree with each other and with the app (ports, paths, health endpoints).
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = FindRepositoryRoot();
    private static readonly YamlMappingNode Compose = LoadCompose();
    private static readonly string[] Dockerfile = File.ReadAllLines(Path.Combine(Root, "Dockerfile"));

    [Fact]
    public void TheComposeFileRunsTheStudioAndUnderTheEmulatorProfileTheEmulatorAndAStudioPointedAtIt()
    {
        var services = Map(Compose, "services");
        Assert.Equal(["emulator", "studio", "studio-on-emulator"], services.Children.Keys.Select(k => k.ToString()).Order());
        Assert.False(Map(services, "studio").Children.ContainsKey("profiles"), "the studio runs without a profile");
        Assert.Equal(["emulator"], Seq(Map(services, "emulator"), "profiles"));
        Assert.Equal(["emulator"], Seq(Map(services, "studio-on-emulator"), "profiles"));

        var emulator = Map(services, "emulator");
        var emulatorPort = Port(Env(emulator)["ASPNETCORE_URLS"]);
        var pointed = Map(services, "studio-on-emulator");
        Assert.Equal($"http://emulator:{emulatorPort}/v1", Env(pointed)["Sora__BaseUrl"]);
        Assert.Equal(Env(emulator)["Emulator__ApiKey"], Env(pointed)["Sora__ApiKey"]);
        Assert.Equal("service_healthy", Scalar(Map(Map(pointed, "depends_on"), "emulator"), "condition"));
        Assert.Contains(emulatorPort.ToString(CultureInfo.InvariantCulture), Seq(emulator, "expose"));
    }

    [Fact]
    public void TheStudioTakesTheOptionalApiKeyAndBaseUrlFromTheEnvironment()
    {
        var env = Env(Map(Map(Compose, "services"), "studio"));
        Assert.Equal("${OPENAI_API_KEY:-}", env["OPENAI_API_KEY"]);
        Assert.StartsWith("${SORA_BASE_URL:-", env["Sora__BaseUrl"]);
    }

    [Fact]
    public void StudioPortsPublishThePortTheImageListensOn()
    {
        var listens = Port(DockerEnv()["ASPNETCORE_URLS"]);
        Assert.Contains($"EXPOSE {listens}", Dockerfile);
        foreach (var name in new[] { "studio", "studio-on-emulator" })
        {
            var port = Assert.Single(Seq(Map(Map(Compose, "services"), name), "ports"));
            Assert.Matches($@"^\$\{{[A-Z_]+:-\d+\}}:{listens}$", port);
        }
    }

    [Fact]
    public void EveryVolumeIsNamedDeclaredAndMountedOnTheImageDataFolder()
    {
        var declared = Map(Compose, "volumes").Children.Keys.Select(k => k.ToString()).ToHashSet();
        var dataPath = DockerEnv()["Studio__DataPath"];
        Assert.Contains($"VOLUME {dataPath}", Dockerfile);
        var used = new List<string>();
        foreach (var (name, service) in Map(Compose, "services").Children)
        {
            var mounts = Seq((YamlMappingNode)service, "volumes");
            Assert.NotEmpty(mounts);
            foreach (var mount in mounts)
            {
                var (source, target) = (mount.Split(':')[0], mount.Split(':')[1]);
                Assert.True(declared.Contains(source), $"{name} mounts {source}, which is not a declared named volume");
                Assert.Equal(dataPath, target);
                used.Add(source);
            }
        }
        Assert.Equal(declared.Order(), used.Distinct().Order());
        Assert.Equal(used.Count, used.Distinct().Count());
    }

    [Fact]
    public void EveryServiceHasAHealthCheckOnAPathItServes()
    {
        var services = Map(Compose, "services");
        foreach (var name in new[] { "studio", "studio-on-emulator" })
        {
            var test = Seq(Map(Map(services, name), "healthcheck"), "test");
            Assert.Equal(["CMD", "curl", "-fsS", $"http://localhost:{Port(DockerEnv()["ASPNETCORE_URLS"])}{HealthEndpoints.ReadyPath}"], test);
        }
        var emulator = Map(services, "emulator");
        Assert.Equal(["CMD", "curl", "-fsS", $"http://localhost:{Port(Env(emulator)["ASPNETCORE_URLS"])}/"], Seq(Map(emulator, "healthcheck"), "test"));
        Assert.Contains(Dockerfile, l => l.Contains($"curl -fsS http://localhost:8080{HealthEndpoints.ReadyPath}", StringComparison.Ordinal));
        // curl is in the image for these checks.
        Assert.Contains(Dockerfile, l => l.Contains("install", StringComparison.Ordinal) && l.Contains("curl", StringComparison.Ordinal) && l.Contains("ffmpeg", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryPathTheComposeFileAndTheDockerfileReferToExists()
    {
        foreach (var (name, service) in Map(Compose, "services").Children)
        {
            var build = Map((YamlMappingNode)service, "build");
            var context = Path.GetFullPath(Scalar(build, "context"), Root);
            Assert.True(Directory.Exists(context), $"{name}: build context {context}");
            Assert.True(File.Exists(Path.Combine(context, Scalar(build, "dockerfile"))), $"{name}: dockerfile");
        }
        foreach (var line in Dockerfile.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            foreach (var source in parts)
                Assert.True(File.Exists(Path.Combine(Root, source)) || Directory.Exists(Path.Combine(Root, source)), $"Dockerfile: {line} ({source} is missing)");
        }
        Assert.Contains(Dockerfile, l => l.StartsWith("RUN ", StringComparison.Ordinal) && l.Contains("scripts/publish.sh /app", StringComparison.Ordinal));
        var publish = File.ReadAllText(Path.Combine(Root, "scripts/publish.sh"));
        // The entry points and working folders are what publish.sh makes.
        Assert.Contains("src/SoraStudio.Web -c Release -o \"$out/studio\"", publish);
        Assert.Contains("src/SoraStudio.Emulator -c Release -o \"$out/emulator\"", publish);
        Assert.Contains("WORKDIR /app/studio", Dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"SoraStudio.Web.dll\"]", Dockerfile);
        Assert.True(File.Exists(Path.Combine(Root, "src/SoraStudio.Web/SoraStudio.Web.csproj")));
        var emulator = Map(Map(Compose, "services"), "emulator");
        Assert.Equal("/app/emulator", Scalar(emulator, "working_dir"));
        Assert.Equal(["dotnet", "SoraStudio.Emulator.dll"], Seq(emulator, "entrypoint"));
        Assert.True(File.Exists(Path.Combine(Root, "src/SoraStudio.Emulator/SoraStudio.Emulator.csproj")));
    }

    [Fact]
    public void TheDockerfileBuildsWithTheSdkGlobalJsonAsksFor()
    {
        using var global = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "global.json")));
        var wanted = global.RootElement.GetProperty("sdk").GetProperty("version").GetString()!;
        var image = Assert.Single(Dockerfile, l => l.StartsWith("ARG SDK_IMAGE=", StringComparison.Ordinal));
        var tag = image[(image.LastIndexOf(':') + 1)..];
        // rollForward latestFeature: the same major.minor and feature band, at least the asked-for patch.
        Assert.Equal(wanted[..^2], tag[..^2]);
        Assert.True(int.Parse(tag[^2..], CultureInfo.InvariantCulture) >= int.Parse(wanted[^2..], CultureInfo.InvariantCulture), $"{tag} is older than {wanted}");
    }

    private static Dictionary<string, string> DockerEnv()
    {
        // ENV a=b \ c=d, over continued lines.
        var lines = new List<string>();
        foreach (var line in Dockerfile.SkipWhile(l => !l.StartsWith("ENV ", StringComparison.Ordinal)))
        {
            lines.Add(line.TrimEnd().TrimEnd('\\'));
            if (!line.TrimEnd().EndsWith('\\'))
                break;
        }
        var text = string.Join(" ", lines);
        return EnvPair().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    private static int Port(string url) => int.Parse(url[(url.LastIndexOf(':') + 1)..].TrimEnd('/'), CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Env(YamlMappingNode service) =>
        Map(service, "environment").Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString());

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? Assert.IsType<YamlMappingNode>(value) : throw new Xunit.Sdk.XunitException($"no '{key}'");

    private static List<string> Seq(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? Assert.IsType<YamlSequenceNode>(value).Children.Select(c => c.ToString()).ToList()
            : [];

    private static string Scalar(YamlMappingNode node, string key) => Assert.IsType<YamlScalarNode>(node.Children[new YamlScalarNode(key)]).Value!;

    private static YamlMappingNode LoadCompose()
    {
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SoraStudio.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root (SoraStudio.sln) is not above the test's folder.");
    }

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")]
    private static partial Regex EnvPair();
}
