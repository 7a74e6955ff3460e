using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SoraStudio.Emulator.Tests.Support;

internal sealed record ProbedStream(string CodecType, string CodecName, int Width, int Height);

internal sealed record ProbeResult(double Duration, IReadOnlyList<ProbedStream> Streams);

/// <summary>Runs ffprobe on a file. Fails loudly when ffprobe is missing: CI installs ffmpeg, so a silent pass would hide a broken setup.</summary>
internal static class Ffprobe
{
    public static async Task<ProbeResult> ProbeAsync(string file)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-v", "error", "-show_format", "-show_streams", "-of", "json", file })
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "ffprobe is not installed, so the media tests cannot check the clips. Install it: apt-get install -y --no-install-recommends ffmpeg", e);
        }
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"ffprobe could not decode {file}: {errors}");
            using var json = JsonDocument.Parse(output);
            var streams = json.RootElement.GetProperty("streams").EnumerateArray().Select(s => new ProbedStream(
                s.GetProperty("codec_type").GetString()!,
                s.GetProperty("codec_name").GetString()!,
                s.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
                s.TryGetProperty("height", out var h) ? h.GetInt32() : 0)).ToList();
            var duration = json.RootElement.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d)
                ? double.Parse(d.GetString()!, CultureInfo.InvariantCulture)
                : 0;
            return new ProbeResult(duration, streams);
        }
    }

    /// <summary>Saves bytes to a temporary file and probes it.</summary>
    public static async Task<ProbeResult> ProbeBytesAsync(byte[] bytes, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), $"probe-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            return await ProbeAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
