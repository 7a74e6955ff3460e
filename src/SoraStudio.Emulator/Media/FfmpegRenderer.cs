using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace SoraStudio.Emulator.Media;

/// <summary>
/// Renders a title card (start of the prompt, running timecode, progress bar) with a sine tone,
/// plus thumbnail and spritesheet, in one ffmpeg run.
/// </summary>
internal sealed class FfmpegRenderer(IOptions<EmulatorOptions> options)
{
    public const int SpriteColumns = 4;
    public const int SpriteRows = 3;
    public const int SpriteTileWidth = 256;

    public async Task<RenderedMedia> RenderAsync(RenderRequest request, FfmpegCapabilities capabilities, string folder, CancellationToken cancellationToken)
    {
        if (request.StitchAfter is { } source)
        {
            return await RenderExtensionAsync(request, source, capabilities, folder, cancellationToken);
        }
        var media = options.Value.Media;
        var thumbnailType = capabilities.WebP ? MediaFiles.WebpContentType : MediaFiles.JpegContentType;
        if (capabilities.DrawText)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "title.txt"), TitleText(request), Encoding.UTF8, cancellationToken);
        }

        var arguments = BuildArguments(request, capabilities, media);
        var result = await ProcessRunner.RunAsync(
            media.FfmpegPath, arguments, TimeSpan.FromSeconds(media.RenderTimeoutSeconds), cancellationToken, workingDirectory: folder);
        File.Delete(Path.Combine(folder, "title.txt"));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg exited with {result.ExitCode}: {Tail(result.StandardError)}");
        }
        foreach (var file in new[] { MediaFiles.Video, MediaFiles.Spritesheet, MediaFiles.ThumbnailFile(thumbnailType) })
        {
            if (!File.Exists(Path.Combine(folder, file)) || new FileInfo(Path.Combine(folder, file)).Length == 0)
            {
                throw new InvalidOperationException($"ffmpeg produced no {file}.");
            }
        }
        return new RenderedMedia(thumbnailType, FromSamples: false);
    }

    /// <summary>The added seconds as a card of their own, then the source followed by them, re-encoded into one H.264 + AAC clip.</summary>
    private async Task<RenderedMedia> RenderExtensionAsync(
        RenderRequest request, string source, FfmpegCapabilities capabilities, string folder, CancellationToken cancellationToken)
    {
        var segmentFolder = Path.Combine(folder, "segment");
        Directory.CreateDirectory(segmentFolder);
        var thumbnailType = (await RenderAsync(request with { StitchAfter = null }, capabilities, segmentFolder, cancellationToken)).ThumbnailContentType;
        var media = options.Value.Media;
        var arguments = BuildStitchArguments(request, source, Path.Combine("segment", MediaFiles.Video), capabilities, media);
        var result = await ProcessRunner.RunAsync(
            media.FfmpegPath, arguments, TimeSpan.FromSeconds(media.RenderTimeoutSeconds), cancellationToken, workingDirectory: folder);
        Directory.Delete(segmentFolder, recursive: true);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not stitch the extension (exit {result.ExitCode}): {Tail(result.StandardError)}");
        }
        return new RenderedMedia(thumbnailType, FromSamples: false);
    }

    internal static List<string> BuildStitchArguments(
        RenderRequest request, string source, string segment, FfmpegCapabilities capabilities, EmulatorMediaOptions media)
    {
        var inv = CultureInfo.InvariantCulture;
        var (w, h, fps) = (request.Width, request.Height, media.FramesPerSecond);
        // Both parts to one size, rate and sample format, or concat refuses them (a source may be a 12 fps sample clip).
        var normalise = $"scale={w}:{h},setsar=1,fps={fps},format=yuv420p";
        var audio = "aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=mono";
        var total = request.Seconds + (File.Exists(source) && Mp4Probe.Read(File.ReadAllBytes(source)) is { } info ? info.Seconds : 0);
        var graph = new StringBuilder()
            .Append(inv, $"[0:v]{normalise}[v0];[0:a]{audio}[a0];[1:v]{normalise}[v1];[1:a]{audio}[a1];")
            .Append("[v0][a0][v1][a1]concat=n=2:v=1:a=1[joined][a];[joined]split=3[v][t][s];")
            .Append("[t]select='gte(t\\,1)',trim=end_frame=1[tv];")
            .Append(inv, $"[s]fps={SpriteColumns * SpriteRows}/{Math.Max(1, total):0.###},scale={SpriteTileWidth}:-2,tile={SpriteColumns}x{SpriteRows}[sv]");
        var thumbnail = capabilities.WebP
            ? new[] { "-c:v", "libwebp", "-quality", "75", MediaFiles.ThumbnailWebp }
            : ["-c:v", "mjpeg", "-q:v", "4", MediaFiles.ThumbnailJpeg];
        return
        [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-threads", media.Threads.ToString(inv),
            "-i", source, "-i", segment,
            "-filter_complex_threads", media.Threads.ToString(inv),
            "-filter_complex", graph.ToString(),
            "-map", "[v]", "-map", "[a]",
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "stillimage", "-crf", "28", "-g", (fps * 2).ToString(inv),
            "-c:a", "aac", "-b:a", "64k",
            "-movflags", "+faststart", MediaFiles.Video,
            "-map", "[tv]", "-frames:v", "1", .. thumbnail,
            "-map", "[sv]", "-frames:v", "1", "-c:v", "mjpeg", "-q:v", "4", MediaFiles.Spritesheet,
        ];
    }

    internal static List<string> BuildArguments(RenderRequest request, FfmpegCapabilities capabilities, EmulatorMediaOptions media)
    {
        var inv = CultureInfo.InvariantCulture;
        var (w, h, d, fps) = (request.Width, request.Height, request.Seconds, media.FramesPerSecond);
        var hash = StableHash(request.Id);
        var background = capabilities.DrawText
            ? $"color=c=0x{Palette[hash % Palette.Length]}:s={w}x{h}:r={fps}:d={d}"
            : $"testsrc2=s={w}x{h}:r={fps}:d={d}";
        var tone = 330 + (hash % 330);

        var shortSide = Math.Min(w, h);
        // A bar sliding in from the left along the bottom shows how far the clip has played.
        var video = new StringBuilder("[0:v][2:v]");
        video.Append(inv, $"overlay=x='-w+W*(t+1/{fps})/{d}':y=H-h:eval=frame");
        if (capabilities.DrawText)
        {
            var titleSize = shortSide / 22;
            var timeSize = shortSide / 9;
            video.Append(inv, $",drawtext=fontfile={Escape(capabilities.FontFile!)}:textfile=title.txt:expansion=none:fontcolor=white")
                .Append(inv, $":fontsize={titleSize}:line_spacing={titleSize / 3}:x=(w-tw)/2:y=h*0.30");
            video.Append(inv, $",drawtext=fontfile={Escape(capabilities.MonoFontFile!)}:text='%{{pts\\:hms}}':fontcolor=0xffec27")
                .Append(inv, $":fontsize={timeSize}:x=(w-tw)/2:y=h*0.62");
        }
        video.Append(",format=yuv420p,split=3[v][t][s];");
        video.Append("[t]select='gte(t\\,1)',trim=end_frame=1[tv];");
        video.Append(inv, $"[s]fps={SpriteColumns * SpriteRows}/{d},scale={SpriteTileWidth}:-2,tile={SpriteColumns}x{SpriteRows}[sv]");

        var thumbnail = capabilities.WebP
            ? new[] { "-c:v", "libwebp", "-quality", "75", MediaFiles.ThumbnailWebp }
            : ["-c:v", "mjpeg", "-q:v", "4", MediaFiles.ThumbnailJpeg];
        return
        [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-threads", media.Threads.ToString(inv),
            "-f", "lavfi", "-i", background,
            "-f", "lavfi", "-i", $"sine=frequency={tone}:sample_rate=48000:duration={d}",
            "-f", "lavfi", "-i", $"color=c=0xffa300:s={w}x{Math.Max(2, h / 40 / 2 * 2)}:r={fps}:d={d}",
            "-filter_complex_threads", media.Threads.ToString(inv),
            "-filter_complex", video.ToString(),
            "-map", "[v]", "-map", "1:a",
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "stillimage", "-crf", "28", "-g", (fps * 2).ToString(inv),
            "-threads", media.Threads.ToString(inv),
            "-c:a", "aac", "-b:a", "64k",
            "-movflags", "+faststart", "-t", d.ToString(inv), MediaFiles.Video,
            "-map", "[tv]", "-frames:v", "1", .. thumbnail,
            "-map", "[sv]", "-frames:v", "1", "-c:v", "mjpeg", "-q:v", "4", MediaFiles.Spritesheet,
        ];
    }

    /// <summary>The start of the prompt, word-wrapped into at most three lines.</summary>
    internal static string TitleText(RenderRequest request)
    {
        var maxChars = Math.Max(16, (int)(request.Width / (Math.Min(request.Width, request.Height) / 22.0 * 0.6)));
        var clean = new string(request.Prompt.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        var words = clean.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        var line = new StringBuilder();
        var truncated = false;
        foreach (var raw in words)
        {
            var word = raw.Length > maxChars ? raw[..maxChars] : raw;
            if (line.Length > 0 && line.Length + 1 + word.Length > maxChars)
            {
                lines.Add(line.ToString());
                line.Clear();
                if (lines.Count == 3)
                {
                    truncated = true;
                    break;
                }
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        if (!truncated && line.Length > 0)
        {
            lines.Add(line.ToString());
        }
        if (truncated)
        {
            lines[^1] = lines[^1].Length > maxChars - 1 ? lines[^1][..(maxChars - 1)] + "…" : lines[^1] + " …";
        }
        if (request.Heading is { Length: > 0 } heading)
        {
            var line1 = heading.Replace('\n', ' ');
            lines.Insert(0, line1.Length > maxChars ? line1[..(maxChars - 1)] + "…" : line1);
        }
        return lines.Count == 0 ? " " : string.Join('\n', lines);
    }

    // Two levels of escaping: the filter option value, then the filtergraph.
    private static string Escape(string value)
    {
        var option = value.Replace("\\", "\\\\").Replace("'", "\\'").Replace(":", "\\:");
        var graph = new StringBuilder();
        foreach (var c in option)
        {
            if (c is '\\' or '\'' or '[' or ']' or ',' or ';')
            {
                graph.Append('\\');
            }
            graph.Append(c);
        }
        return graph.ToString();
    }

    private static readonly string[] Palette = ["1d2b53", "7e2553", "008751", "5f574f", "29366f", "3b5dc9", "41a6f6", "333c57"];

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked(hash * 31 + c);
        }
        return hash & 0x7fffffff;
    }

    private static string Tail(string text) => text.Length > 800 ? text[^800..] : text;
}
