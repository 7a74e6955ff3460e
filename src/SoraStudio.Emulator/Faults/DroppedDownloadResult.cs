namespace SoraStudio.Emulator.Faults;

/// <summary>Announces the whole file, sends half of it, then drops the connection.</summary>
internal sealed class DroppedDownloadResult(string path, string contentType) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var bytes = await File.ReadAllBytesAsync(path, httpContext.RequestAborted);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), httpContext.RequestAborted);
        await httpContext.Response.Body.FlushAsync(httpContext.RequestAborted);
        httpContext.Abort();
    }
}
