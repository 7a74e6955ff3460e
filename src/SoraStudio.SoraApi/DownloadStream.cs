namespace SoraStudio.SoraApi;

/// <summary>
/// A download's body as it arrives: owns the response (disposing releases the connection), enforces
/// <see cref="VideosApiOptions.DownloadTimeout"/>, and reports a body that breaks off as a <see cref="VideosApiException"/>.
/// </summary>
internal sealed class DownloadStream : Stream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _inner;
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenRegistration _abortOnTimeout;
    private readonly string _videoId;
    private readonly TimeSpan _timeLimit;
    private long _position;

    public DownloadStream(HttpResponseMessage response, Stream inner, string videoId, TimeSpan timeLimit)
    {
        _response = response;
        _inner = inner;
        _videoId = videoId;
        _timeLimit = timeLimit;
        _timeout = new CancellationTokenSource(timeLimit);
        // Synchronous reads take no token: aborting the response is what stops them.
        _abortOnTimeout = _timeout.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _response.Content.Headers.ContentLength ?? throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Advance(_inner.Read(buffer));
        }
        catch (Exception e) when (IsBreak(e))
        {
            throw Broken(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Both the caller and the time limit cancel the read; which one did decides what is thrown.
        await using var callerCancels = cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _timeout);
        try
        {
            return Advance(await _inner.ReadAsync(buffer, _timeout.Token));
        }
        catch (Exception e) when (IsBreak(e) || e is OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw Broken(e);
        }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _abortOnTimeout.Dispose();
            _timeout.Dispose();
            _inner.Dispose();
            _response.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Advance(int read)
    {
        _position += read;
        return read;
    }

    private bool IsBreak(Exception e) =>
        e is IOException or HttpRequestException || (e is ObjectDisposedException && _timeout.IsCancellationRequested);

    private VideosApiException Broken(Exception e)
    {
        var why = _timeout.IsCancellationRequested
            ? $"exceeded the download timeout of {_timeLimit}"
            : $"broke off ({e.Message})";
        return new VideosApiException(
            ApiErrorKind.Network,
            $"{VideosApiOperation.DownloadContent} of {_videoId} {why} after {_position} bytes.",
            _response.StatusCode,
            requestId: _response.Headers.NonValidated.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null,
            innerException: e);
    }
}
