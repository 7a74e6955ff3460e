using System.Buffers.Binary;

namespace SoraStudio.Emulator.Endpoints;

/// <summary>Identifies an image by its magic bytes and reads its dimensions from the header (PNG IHDR, JPEG SOF, WebP VP8/VP8L/VP8X).</summary>
internal static class ImageHeader
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string WebP = "image/webp";

    /// <summary>The MIME type of a JPEG, PNG or WebP (null for anything else) and its dimensions (0 x 0 when the header is truncated or corrupt).</summary>
    public static (string? MimeType, int Width, int Height)? Read(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ReadPng(data);
        }
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ReadJpeg(data);
        }
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ReadWebP(data);
        }
        return null;
    }

    /// <summary>MIME type of other formats people upload by mistake, for the error message.</summary>
    public static string? OtherFormat(ReadOnlySpan<byte> data) =>
        data.StartsWith("GIF8"u8) ? "image/gif"
        : data.StartsWith("BM"u8) ? "image/bmp"
        : data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8) ? "image/tiff"
        : data.StartsWith("%PDF"u8) ? "application/pdf"
        : data.Length >= 12 && data.Slice(4, 4).SequenceEqual("ftyp"u8) ? "video/mp4"
        : null;

    private static (string?, int, int) ReadPng(ReadOnlySpan<byte> data)
    {
        if (data.Length < 24 || !data.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return (Png, 0, 0);
        }
        return (Png, (int)BinaryPrimitives.ReadUInt32BigEndian(data[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(data[20..]));
    }

    private static (string?, int, int) ReadJpeg(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF)
            {
                return (Jpeg, 0, 0);
            }
            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2; // markers without a length
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (i + 9 > data.Length)
                {
                    return (Jpeg, 0, 0);
                }
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]);
                return (Jpeg, width, height);
            }
            if (marker == 0xDA || length < 2)
            {
                return (Jpeg, 0, 0); // start of scan before any frame header
            }
            i += 2 + length;
        }
        return (Jpeg, 0, 0);
    }

    private static (string?, int, int) ReadWebP(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30)
        {
            return (WebP, 0, 0);
        }
        var chunk = data.Slice(12, 4);
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
            if (data[23] != 0x9D || data[24] != 0x01 || data[25] != 0x2A)
            {
                return (WebP, 0, 0);
            }
            return (WebP, BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (data[20] != 0x2F)
            {
                return (WebP, 0, 0);
            }
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return (WebP, (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var width = data[24] | data[25] << 8 | data[26] << 16;
            var height = data[27] | data[28] << 8 | data[29] << 16;
            return (WebP, width + 1, height + 1);
        }
        return (WebP, 0, 0);
    }
}
