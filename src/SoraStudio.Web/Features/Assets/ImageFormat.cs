namespace SoraStudio.Web.Features.Assets;

/// <summary>What an image file is, read from its first bytes: its name and the type the browser claims prove nothing.</summary>
public static class ImageFormat
{
    /// <summary>image/jpeg, image/png or image/webp; null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        _ when head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) => "image/webp",
        _ => null,
    };
}
