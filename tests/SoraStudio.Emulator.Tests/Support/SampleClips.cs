namespace SoraStudio.Emulator.Tests.Support;

/// <summary>The committed sample clips (wwwroot-assets/samples) as uploads: real MP4s of known size and length.</summary>
internal static class SampleClips
{
    public static byte[] Read(string size, int seconds) =>
        File.ReadAllBytes(Path.Combine(RepoPaths.Root, "wwwroot-assets", "samples", $"sample-{size}-{seconds}s.mp4"));

    /// <summary>A multipart body as the SDKs send a character: the clip as <c>video</c>, the <c>name</c> as text.</summary>
    public static MultipartFormDataContent CharacterForm(string name, byte[] clip)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(clip);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("video/mp4");
        form.Add(file, "video", "clip.mp4");
        form.Add(new StringContent(name), "name");
        return form;
    }
}
