using System.Net.Http.Headers;

namespace SoraStudio.SoraApi.Http;

/// <summary>
/// multipart/form-data as the official SDKs write it: a fresh boundary per body (.NET's default, a new GUID), quoted
/// part names, text parts without a Content-Type, files with a quoted <c>filename</c> and no <c>filename*</c>
/// (RFC 7578 §4.2). Refit's own <c>[Multipart]</c> writes a fixed boundary, which a prompt could contain to forge a
/// field, and <c>filename*</c>: see docs/decisions/0010.
/// </summary>
internal static class MultipartForm
{
    public static void AddText(this MultipartFormDataContent form, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        var part = new StringContent(value);
        part.Headers.ContentType = null;
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
        form.Add(part);
    }

    public static void AddFile(this MultipartFormDataContent form, string name, byte[] bytes, string fileName, string contentType)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = Quote(name),
            FileName = Quote(fileName.Replace("\"", "", StringComparison.Ordinal)),
        };
        form.Add(part);
    }

    private static string Quote(string value) => "\"" + value + "\"";
}
