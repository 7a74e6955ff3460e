using System.Buffers.Binary;

namespace SoraStudio.Web.Storage;

/// <summary>
/// Reads dimensions (and, for MP4, duration) from file headers: PNG, JPEG, WebP and MP4. No decoding, no
/// external tools; a file it cannot read gives <see cref="MediaInfo.Unknown"/>.
/// </summary>
public static class MediaProbe
{
    public static MediaInfo Probe(Stream stream)
    {
        try
        {
            Span<byte> head = stackalloc byte[32];
            stream.Position = 0;
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..read];
            stream.Position = 0;
            if (head is [0x89, (byte)'P', (byte)'N', (byte)'G', ..])
                return Png(head);
            if (read >= 2 && head[0] == 0xFF && head[1] == 0xD8)
                return Jpeg(stream);
            if (read >= 30 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
                return WebP(head);
            if (read >= 8 && (head[4..8].SequenceEqual("ftyp"u8) || head[4..8].SequenceEqual("moov"u8)))
                return Mp4(stream);
            return MediaInfo.Unknown;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException or EndOfStreamException)
        {
            return MediaInfo.Unknown;
        }
    }

    public static MediaInfo Probe(string path)
    {
        using var file = File.OpenRead(path);
        return Probe(file);
    }

    private static MediaInfo Png(ReadOnlySpan<byte> head) =>
        head.Length >= 24 && head[12..16].SequenceEqual("IHDR"u8)
            ? new((int)BinaryPrimitives.ReadUInt32BigEndian(head[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(head[20..]), null)
            : MediaInfo.Unknown;

    private static MediaInfo WebP(ReadOnlySpan<byte> head)
    {
        var chunk = head[12..16];
        if (chunk.SequenceEqual("VP8 "u8) && head[23] == 0x9D && head[24] == 0x01 && head[25] == 0x2A)
            return new(BinaryPrimitives.ReadUInt16LittleEndian(head[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(head[28..]) & 0x3FFF, null);
        if (chunk.SequenceEqual("VP8L"u8) && head[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(head[21..]);
            return new((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1, null);
        }
        if (chunk.SequenceEqual("VP8X"u8))
            return new(ReadUInt24(head[24..]) + 1, ReadUInt24(head[27..]) + 1, null);
        return MediaInfo.Unknown;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);

    private static MediaInfo Jpeg(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.ASCII, leaveOpen: true);
        stream.Position = 2;
        while (stream.Position < stream.Length)
        {
            if (reader.ReadByte() != 0xFF)
                return MediaInfo.Unknown;
            var marker = reader.ReadByte();
            while (marker == 0xFF)
                marker = reader.ReadByte();
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
                continue;
            var length = ReadUInt16BigEndian(reader);
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isStartOfFrame)
            {
                reader.ReadByte();
                var height = ReadUInt16BigEndian(reader);
                var width = ReadUInt16BigEndian(reader);
                return new(width, height, null);
            }
            stream.Position += length - 2;
        }
        return MediaInfo.Unknown;
    }

    private static int ReadUInt16BigEndian(BinaryReader reader) => (reader.ReadByte() << 8) | reader.ReadByte();

    private static MediaInfo Mp4(Stream stream)
    {
        double? duration = null;
        int? width = null, height = null;
        foreach (var (type, start, size) in Boxes(stream, 0, stream.Length))
        {
            if (type != "moov")
                continue;
            foreach (var (inner, innerStart, innerSize) in Boxes(stream, start, size))
            {
                if (inner == "mvhd")
                    duration = MovieDuration(stream, innerStart);
                else if (inner == "trak" && width is null)
                    (width, height) = TrackSize(stream, innerStart, innerSize);
            }
        }
        return new(width, height, duration);
    }

    /// <summary>The boxes directly inside [start, start + length): type, payload start, payload length.</summary>
    private static IEnumerable<(string Type, long Start, long Length)> Boxes(Stream stream, long start, long length)
    {
        var end = start + length;
        var position = start;
        var header = new byte[16];
        while (position + 8 <= end)
        {
            stream.Position = position;
            stream.ReadExactly(header, 0, 8);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = System.Text.Encoding.ASCII.GetString(header, 4, 4);
            var headerLength = 8L;
            if (size == 1)
            {
                stream.ReadExactly(header, 8, 8);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = end - position;
            }
            if (size < headerLength || position + size > end)
                yield break;
            yield return (type, position + headerLength, size - headerLength);
            position += size;
        }
    }

    private static double? MovieDuration(Stream stream, long start)
    {
        var buffer = new byte[32];
        stream.Position = start;
        stream.ReadExactly(buffer);
        var version = buffer[0];
        var (timescale, duration) = version == 1
            ? (BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(20)), (double)BinaryPrimitives.ReadUInt64BigEndian(buffer.AsSpan(24)))
            : (BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(12)), BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(16)));
        return timescale == 0 ? null : duration / timescale;
    }

    private static (int?, int?) TrackSize(Stream stream, long start, long length)
    {
        foreach (var (type, boxStart, boxLength) in Boxes(stream, start, length))
        {
            if (type != "tkhd" || boxLength < 84)
                continue;
            var buffer = new byte[Math.Min(96, boxLength)];
            stream.Position = boxStart;
            stream.ReadExactly(buffer);
            if (buffer[0] == 1 && buffer.Length < 96)
                return (null, null);
            var offset = buffer[0] == 1 ? 88 : 76;
            var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(offset)) >> 16);
            var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(offset + 4)) >> 16);
            return width > 0 && height > 0 ? (width, height) : (null, null);
        }
        return (null, null);
    }
}
