using System.Globalization;

namespace SoraStudio.Emulator.Endpoints;

/// <summary>The input_reference of a create request: an uploaded image, a data URL, a remote URL or a file id.</summary>
internal sealed class ReferenceImage
{
    private const string Param = "input_reference";
    private static readonly string[] Accepted = [ImageHeader.Jpeg, ImageHeader.Png, ImageHeader.WebP];

    private ReferenceImage(int? width, int? height)
    {
        Width = width;
        Height = height;
    }

    /// <summary>Known only for uploads and data URLs; remote URLs and file ids cannot be inspected offline.</summary>
    public int? Width { get; }

    public int? Height { get; }

    public static async Task<ReferenceImage> FromFileAsync(IFormFile file)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        return FromBytes(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), file.ContentType, Param);
    }

    public static ReferenceImage FromObject(string? imageUrl, string? fileId)
    {
        if (string.IsNullOrEmpty(imageUrl) == string.IsNullOrEmpty(fileId))
        {
            throw ApiErrors.ExactlyOneReference();
        }
        if (fileId is { Length: > 0 })
        {
            return new ReferenceImage(null, null);
        }
        if (imageUrl!.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = imageUrl.IndexOf(',');
            if (comma < 0 || !imageUrl.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                throw ApiErrors.InvalidImageUrl();
            }
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(imageUrl[(comma + 1)..]);
            }
            catch (FormatException)
            {
                throw ApiErrors.InvalidImageUrl();
            }
            return FromBytes(bytes, imageUrl[5..imageUrl.IndexOf(';')], $"{Param}.image_url");
        }
        if (Uri.TryCreate(imageUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            return new ReferenceImage(null, null);
        }
        throw ApiErrors.InvalidImageUrl();
    }

    /// <summary>The image must have exactly the requested size (contract §10).</summary>
    public void Check(string size)
    {
        if (Width is null || Height is null)
        {
            return;
        }
        if (size != string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}"))
        {
            throw ApiErrors.InpaintSizeMismatch();
        }
    }

    private static ReferenceImage FromBytes(ReadOnlySpan<byte> data, string? declaredType, string param)
    {
        // The bytes decide, not the declared Content-Type.
        if (ImageHeader.Read(data) is var (mime, width, height) && mime is not null)
        {
            return width > 0 && height > 0 ? new ReferenceImage(width, height) : throw ApiErrors.UndecodableImage(param);
        }
        if (ImageHeader.OtherFormat(data) is { } other)
        {
            throw ApiErrors.UnsupportedImage(param, other);
        }
        if (declaredType is not null && Accepted.Contains(declaredType.ToLowerInvariant()))
        {
            throw ApiErrors.UndecodableImage(param);
        }
        throw ApiErrors.UnsupportedImage(param, string.IsNullOrEmpty(declaredType) ? "application/octet-stream" : declaredType);
    }
}
