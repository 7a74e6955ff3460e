using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.SoraApi;
using SoraStudio.SoraApi.Bench;

// Downloads one large content through VideosApiClient and with curl, side by side and alternating, each both
// to a file and to nowhere (Stream.Null, /dev/null), and prints throughput and the client's managed memory. Usage: [--size-mb 100] [--rounds 7]. See bench/download-throughput.sh.
var sizeMb = Argument("--size-mb", 100);
var rounds = Argument("--rounds", 7);
var size = sizeMb * 1024L * 1024L;

await using var server = await ContentServer.StartAsync(size);
var services = new ServiceCollection();
services.AddVideosApi(o => { o.BaseUrl = server.BaseUrl; o.ApiKey = "bench-key"; });
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IVideosApi>();
var url = $"{server.BaseUrl}/videos/video_bench/content?variant=video";
var folder = Directory.CreateTempSubdirectory("sora-bench-").FullName;

Console.WriteLine($"content: {sizeMb} MiB from {url}; files go to {folder}");
await ClientDownloadAsync(toDisk: true);
await ClientDownloadAsync(toDisk: false);
await CurlAsync(toDisk: false);

var curlDiskSpeeds = new List<double>();
var clientSpeeds = new List<double>();
var clientNullSpeeds = new List<double>();
var curlSpeeds = new List<double>();
long worstAllocated = 0, worstGrowth = 0;
for (var round = 1; round <= rounds; round++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var seconds = await ClientDownloadAsync(toDisk: true);
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var growth = GC.GetTotalMemory(forceFullCollection: false) - heapBefore;
    worstAllocated = Math.Max(worstAllocated, allocated);
    worstGrowth = Math.Max(worstGrowth, growth);
    clientSpeeds.Add(size / seconds);
    curlDiskSpeeds.Add(await CurlAsync(toDisk: true));
    clientNullSpeeds.Add(size / await ClientDownloadAsync(toDisk: false));
    curlSpeeds.Add(await CurlAsync(toDisk: false));
    Console.WriteLine(
        $"round {round}: to disk: client {Mb(clientSpeeds[^1]),6:F0} curl {Mb(curlDiskSpeeds[^1]),6:F0} MB/s; " +
        $"to nowhere: client {Mb(clientNullSpeeds[^1]),6:F0} curl {Mb(curlSpeeds[^1]),6:F0} MB/s; " +
        $"allocated {allocated / 1024.0 / 1024.0:F2} MB  heap growth {growth / 1024.0 / 1024.0:F2} MB");
}
Directory.Delete(folder, recursive: true);

var diskRatio = Median(clientSpeeds) / Median(curlDiskSpeeds);
var nullRatio = Median(clientNullSpeeds) / Median(curlSpeeds);
Console.WriteLine();
Console.WriteLine($"medians, to disk:    client {Mb(Median(clientSpeeds)):F0} MB/s, curl -o file {Mb(Median(curlDiskSpeeds)):F0} MB/s: {diskRatio:P0} of curl");
Console.WriteLine($"medians, to nowhere: client {Mb(Median(clientNullSpeeds)):F0} MB/s, curl -o /dev/null {Mb(Median(curlSpeeds)):F0} MB/s: {nullRatio:P0} of curl");
Console.WriteLine("target: >= 80 % of curl");
Console.WriteLine($"worst managed allocation per download {worstAllocated / 1024.0 / 1024.0:F2} MB, worst heap growth {worstGrowth / 1024.0 / 1024.0:F2} MB (target < 16 MB)");
return diskRatio >= 0.8 && nullRatio >= 0.8 && worstAllocated < 16 * 1024 * 1024 && worstGrowth < 16 * 1024 * 1024 ? 0 : 1;

async Task<double> ClientDownloadAsync(bool toDisk)
{
    var file = Path.Combine(folder, $"{Guid.NewGuid():N}.mp4");
    var watch = Stopwatch.StartNew();
    long written;
    await using (var content = await client.DownloadContentAsync("video_bench"))
    await using (var output = toDisk ? new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous) : Stream.Null)
    {
        await content.Content.CopyToAsync(output, 1024 * 1024);
        written = content.Content.Position;
    }
    var seconds = watch.Elapsed.TotalSeconds;
    if (written != size || (toDisk && new FileInfo(file).Length != size))
    {
        throw new InvalidOperationException($"client read {written} bytes, expected {size}");
    }
    File.Delete(file);
    return seconds;
}

async Task<double> CurlAsync(bool toDisk)
{
    var file = toDisk ? Path.Combine(folder, $"{Guid.NewGuid():N}.curl") : "/dev/null";
    var start = new ProcessStartInfo("curl", ["-s", "-o", file, "-w", "%{speed_download}", url]) { RedirectStandardOutput = true };
    using var curl = Process.Start(start)!;
    var output = await curl.StandardOutput.ReadToEndAsync();
    await curl.WaitForExitAsync();
    if (curl.ExitCode != 0)
    {
        throw new InvalidOperationException($"curl exited with {curl.ExitCode}");
    }
    if (toDisk)
    {
        File.Delete(file);
    }
    return double.Parse(output, CultureInfo.InvariantCulture);
}

static double Mb(double bytesPerSecond) => bytesPerSecond / 1_000_000;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
