using System.Buffers.Binary;

namespace SoraStudio.Emulator.Media;

/// <summary>Length and frame size of an MP4/QuickTime file, read from its <c>moov</c> box without ffmpeg.</summary>
internal sealed record Mp4Info(double Seconds, int Width, int Height);

internal static class Mp4Probe
{
    /// <summary>The movie's duration (<c>mvhd</c>) and its first video track's size (<c>tkhd</c>); null when the file is not such a movie.</summary>
    public static Mp4Info? Read(ReadOnlySpan<byte> file)
    {
        double? seconds = null;
        (int Width, int Height)? size = null;
        Walk(file, ref seconds, ref size, depth: 0);
        return seconds is { } s && size is { } frame ? new Mp4Info(s, frame.Width, frame.Height) : null;
    }

    private static void Walk(ReadOnlySpan<byte> data, ref double? seconds, ref (int, int)? size, int depth)
    {
        while (data.Length >= 8 && depth < 8)
        {
            long length = BinaryPrimitives.ReadUInt32BigEndian(data);
            var type = System.Text.Encoding.ASCII.GetString(data.Slice(4, 4));
            var header = 8;
            if (length == 1 && data.Length >= 16)
            {
                length = (long)BinaryPrimitives.ReadUInt64BigEndian(data[8..]);
                header = 16;
            }
            else if (length == 0)
            {
                length = data.Length;
            }
            if (length < header || length > data.Length)
            {
                return;
            }
            var body = data[header..(int)length];
            switch (type)
            {
                case "moov" or "trak" or "mdia":
                    Walk(body, ref seconds, ref size, depth + 1);
                    break;
                case "mvhd":
                    seconds ??= MovieSeconds(body);
                    break;
                case "tkhd" when size is null && TrackSize(body) is { Item1: > 0, Item2: > 0 } frame:
                    size = frame;
                    break;
            }
            data = data[(int)length..];
        }
    }

    private static double? MovieSeconds(ReadOnlySpan<byte> body)
    {
        var version = body.Length > 0 ? body[0] : -1;
        var (timescale, duration) = version switch
        {
            0 when body.Length >= 20 => (BinaryPrimitives.ReadUInt32BigEndian(body[12..]), (ulong)BinaryPrimitives.ReadUInt32BigEndian(body[16..])),
            1 when body.Length >= 32 => (BinaryPrimitives.ReadUInt32BigEndian(body[20..]), BinaryPrimitives.ReadUInt64BigEndian(body[24..])),
            _ => (0u, 0ul),
        };
        return timescale == 0 ? null : (double)duration / timescale;
    }

    private static (int, int)? TrackSize(ReadOnlySpan<byte> body)
    {
        // After version/flags, the times, track id and duration (v0: 20 bytes, v1: 32), then 52 bytes up to width.
        var offset = body.Length > 0 && body[0] == 1 ? 4 + 32 + 52 : 4 + 20 + 52;
        if (body.Length < offset + 8)
        {
            return null;
        }
        return ((int)(BinaryPrimitives.ReadUInt32BigEndian(body[offset..]) >> 16), (int)(BinaryPrimitives.ReadUInt32BigEndian(body[(offset + 4)..]) >> 16));
    }
}
