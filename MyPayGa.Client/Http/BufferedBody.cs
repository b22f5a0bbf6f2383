using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;

namespace MyPayGa.Client.Http;

/// <summary>
/// A response body read into a pooled buffer, at most a cap of bytes. Reading stops at the cap: a longer body is
/// kept cut there with <see cref="Truncated"/> set, and its connection is dropped rather than drained. The buffer goes
/// back to the pool when the content (or the response holding it) is disposed. A response's Content-Type is kept in
/// <see cref="ContentType"/> only, not copied into <see cref="HttpContent.Headers"/> (a header collection per call):
/// only the client reads it, the resilience handler being the outermost handler of the named client. A request body
/// (<see cref="ForRequest"/>) carries its Content-Type header.
/// </summary>
internal sealed class BufferedBody : HttpContent
{
    private const int FirstBufferSize = 4096;
    private byte[]? _buffer;
    private readonly int _length;

    private BufferedBody(byte[]? buffer, int length, bool truncated, string? contentType, bool withHeader = false)
    {
        _buffer = buffer;
        _length = length;
        Truncated = truncated;
        ContentType = contentType;
        if (withHeader && contentType is not null)
        {
            Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
    }

    /// <summary>The body was longer than the cap; <see cref="Bytes"/> holds its first cap bytes.</summary>
    public bool Truncated { get; }

    /// <summary>The Content-Type header as received (not validated: PHP servers write charsets .NET does not know).</summary>
    public string? ContentType { get; }

    public ReadOnlyMemory<byte> Bytes => _buffer is { } b ? b.AsMemory(0, _length) : ReadOnlyMemory<byte>.Empty;

    public static BufferedBody Empty(string? contentType = null) => new(null, 0, false, contentType);

    /// <summary>A request body over a buffer rented from <see cref="ArrayPool{T}.Shared"/>, which it now owns.</summary>
    public static BufferedBody ForRequest(byte[] rented, int length, string contentType) => new(rented, length, false, contentType, withHeader: true);

    /// <summary>Reads <paramref name="content"/> (null: no body) up to <paramref name="maxBytes"/>, then disposes it.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<BufferedBody> ReadAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return Empty();
        }

        if (content is BufferedBody already)
        {
            return already;
        }

        using (content)
        {
            var contentType = RawContentType(content);
            var declared = content.Headers.ContentLength;
            if (declared == 0)
            {
                return Empty(contentType);
            }

            var limit = maxBytes + 1; // one byte more than allowed tells "too long"
            // A declared length gets room for one byte more, so that reading the end needs no second buffer.
            var size = declared is { } d && d < limit ? (int)d + 1 : Math.Min(FirstBufferSize, limit);
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 16));
            var length = 0;
            try
            {
                var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    while (true)
                    {
                        if (length == buffer.Length)
                        {
                            if (length >= limit)
                            {
                                break;
                            }

                            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(buffer.Length * 2, FirstBufferSize), limit));
                            buffer.AsSpan(0, length).CopyTo(bigger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = bigger;
                        }

                        var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit) - length), cancellationToken)
                            .ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        length += read;
                        if (length >= limit)
                        {
                            break;
                        }
                    }
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }

            var truncated = length > maxBytes;
            return new BufferedBody(buffer, truncated ? maxBytes : length, truncated, contentType);
        }
    }

    private static string? RawContentType(HttpContent content) =>
        content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : null;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Bytes).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Bytes, cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new MemoryStream(_buffer ?? [], 0, _length, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }
}
