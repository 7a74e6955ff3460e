using System.Buffers.Binary;
using System.IO.Compression;

namespace SoraStudio.Emulator.Tests.Support;

/// <summary>Images of chosen dimensions, built byte by byte.</summary>
internal static class TestImages
{
    /// <summary>A complete, decodable solid-colour PNG.</summary>
    public static byte[] Png(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(output, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + width * 3];
            for (var x = 0; x < width; x++)
            {
                row[1 + x * 3] = 0x20;
                row[2 + x * 3] = 0x60;
                row[3 + x * 3] = 0xA0;
            }
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }
        Chunk(output, "IDAT", pixels.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A baseline JPEG header (SOI, APP0 JFIF, SOF0) carrying the dimensions.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
        byte[] sof0 =
        [
            0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width,
            0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        ];
        return [0xFF, 0xD8, .. app0, .. sof0, 0xFF, 0xD9];
    }

    /// <summary>An extended-format WebP header (VP8X chunk) carrying the canvas size.</summary>
    public static byte[] WebPExtended(int width, int height)
    {
        var data = new byte[30];
        "RIFF"u8.CopyTo(data);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), 22);
        "WEBPVP8X"u8.CopyTo(data.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(16), 10);
        WriteUInt24(data.AsSpan(24), width - 1);
        WriteUInt24(data.AsSpan(27), height - 1);
        return data;
    }

    /// <summary>A lossless WebP header (VP8L chunk).</summary>
    public static byte[] WebPLossless(int width, int height)
    {
        var data = new byte[30];
        "RIFF"u8.CopyTo(data);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), 22);
        "WEBPVP8L"u8.CopyTo(data.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(16), 10);
        data[20] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(21), (uint)((width - 1) | ((height - 1) << 14)));
        return data;
    }

    public static byte[] Gif() => [.. "GIF89a"u8, 0x10, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x3B];

    /// <summary>A real lossy WebP (VP8) thumbnail from the emulator's committed samples.</summary>
    public static byte[] SampleWebP(string size) =>
        File.ReadAllBytes(Path.Combine(RepoPaths.Root, "wwwroot-assets", "samples", $"thumbnail-{size}.webp"));

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        output.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
