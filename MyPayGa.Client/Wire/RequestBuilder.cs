using System.Buffers;
using System.Text;
using MyPayGa.Client.Http;

namespace MyPayGa.Client.Wire;

/// <summary>Turns a row of <see cref="WireFormat"/> and the values of one call into an HTTP request.</summary>
internal static class RequestBuilder
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>
    /// The parameters of a call as name/value pairs, in the row's order: <paramref name="values"/> fill the
    /// non-key parameters in order, <paramref name="apiKey"/> goes where the row says <c>apikey</c>.
    /// </summary>
    public static List<KeyValuePair<string, string>> Parameters(Endpoint endpoint, string apiKey, IReadOnlyList<string> values)
    {
        CheckCount(endpoint, values.Count);
        var result = new List<KeyValuePair<string, string>>(endpoint.Parameters.Length);
        var next = 0;
        foreach (var name in endpoint.Parameters)
        {
            result.Add(new(name, name == Endpoint.ApiKey ? apiKey : values[next++] ?? ""));
        }

        return result;
    }

    /// <summary>
    /// The request of one call: <paramref name="baseUrl"/> (absolute, ending with '/') + the row's path, the parameters
    /// in the row's order in the query string or a form body, every value escaped as <see cref="Uri.EscapeDataString"/>
    /// does (a form writes spaces as '+', as <see cref="FormUrlEncodedContent"/> does).
    /// </summary>
    public static MyPayGaRequestMessage Build(Endpoint endpoint, string baseUrl, string apiKey, string? pathReference,
        ReadOnlySpan<string> values, TimeSpan attemptTimeout, int maxResponseBytes)
    {
        CheckCount(endpoint, values.Length);
        if (endpoint.HasPathReference && string.IsNullOrEmpty(pathReference))
        {
            throw new ArgumentException($"{endpoint.Name} needs a reference.", nameof(pathReference));
        }

        var url = new PooledText(256);
        var form = default(PooledText);
        try
        {
            url.Append(baseUrl);
            if (endpoint.HasPathReference)
            {
                var placeholder = endpoint.Path.IndexOf(Endpoint.RefPlaceholder, StringComparison.Ordinal);
                url.Append(endpoint.Path.AsSpan(0, placeholder));
                url.AppendEscaped(pathReference!, spaceAsPlus: false);
                url.Append(endpoint.Path.AsSpan(placeholder + Endpoint.RefPlaceholder.Length));
            }
            else
            {
                url.Append(endpoint.Path);
            }

            var isForm = endpoint.Encoding == ParameterEncoding.Form;
            if (isForm)
            {
                form = new PooledText(512);
            }
            else
            {
                url.Append('?');
            }

            ref var target = ref isForm ? ref form : ref url;
            var next = 0;
            for (var i = 0; i < endpoint.Parameters.Length; i++)
            {
                if (i > 0)
                {
                    target.Append('&');
                }

                var name = endpoint.Parameters[i];
                target.AppendEscaped(name, isForm);
                target.Append('=');
                target.AppendEscaped(name == Endpoint.ApiKey ? apiKey : values[next++] ?? "", isForm);
            }

            var request = new MyPayGaRequestMessage(endpoint, new Uri(url.ToString(), UriKind.Absolute), attemptTimeout, maxResponseBytes);
            if (isForm)
            {
                request.Content = BufferedBody.ForRequest(form.ToAsciiBytes(out var length), length, FormContentType);
            }

            return request;
        }
        finally
        {
            url.Dispose();
            form.Dispose();
        }
    }

    public static string QueryString(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    /// <summary>"http://host/base" + "payment/x" must give "http://host/base/payment/x", not "http://host/payment/x".</summary>
    internal static Uri WithTrailingSlash(Uri baseUrl)
    {
        if (baseUrl.AbsolutePath.EndsWith('/'))
        {
            return baseUrl;
        }

        return new UriBuilder(baseUrl) { Path = baseUrl.AbsolutePath + "/" }.Uri;
    }

    /// <summary>The absolute base the paths are appended to: scheme, host, port and path ending with '/' (no query).</summary>
    internal static string BasePrefix(Uri apiBaseUrl) => WithTrailingSlash(apiBaseUrl).GetLeftPart(UriPartial.Path);

    private static void CheckCount(Endpoint endpoint, int count)
    {
        var expected = 0;
        foreach (var name in endpoint.Parameters)
        {
            if (name != Endpoint.ApiKey)
            {
                expected++;
            }
        }

        if (count != expected)
        {
            throw new InvalidOperationException(
                $"Wire table row {endpoint.Name} has {expected} parameters besides the key but {count} values were given.");
        }
    }

    /// <summary>ASCII text built in a pooled buffer (a URL or a form body).</summary>
    private struct PooledText(int capacity) : IDisposable
    {
        private char[]? _chars = ArrayPool<char>.Shared.Rent(capacity);
        private int _length;

        public void Append(char c)
        {
            Ensure(1);
            _chars![_length++] = c;
        }

        public void Append(ReadOnlySpan<char> text)
        {
            Ensure(text.Length);
            text.CopyTo(_chars.AsSpan(_length));
            _length += text.Length;
        }

        /// <summary>As <see cref="Uri.EscapeDataString"/>: RFC 3986 unreserved characters as they are, everything else
        /// %XX of its UTF-8 bytes (a lone surrogate as U+FFFD); with <paramref name="spaceAsPlus"/>, a space is '+'.</summary>
        public void AppendEscaped(string value, bool spaceAsPlus)
        {
            Span<byte> utf8 = stackalloc byte[4];
            var text = value.AsSpan();
            while (!text.IsEmpty)
            {
                var run = text.IndexOfAnyExcept(Unreserved);
                if (run != 0)
                {
                    var plain = run < 0 ? text : text[..run];
                    Append(plain);
                    text = text[plain.Length..];
                    continue;
                }

                var c = text[0];
                if (c == ' ' && spaceAsPlus)
                {
                    Append('+');
                    text = text[1..];
                    continue;
                }

                System.Buffers.OperationStatus status = Rune.DecodeFromUtf16(text, out var rune, out var consumed);
                if (status != System.Buffers.OperationStatus.Done)
                {
                    rune = Rune.ReplacementChar;
                    consumed = Math.Max(consumed, 1);
                }

                var bytes = rune.EncodeToUtf8(utf8);
                Ensure(bytes * 3);
                for (var i = 0; i < bytes; i++)
                {
                    _chars![_length++] = '%';
                    _chars[_length++] = HexUpper(utf8[i] >> 4);
                    _chars[_length++] = HexUpper(utf8[i] & 0xF);
                }

                text = text[consumed..];
            }
        }

        public override readonly string ToString() => new(_chars!, 0, _length);

        /// <summary>The text as ASCII bytes in a pooled array (returned to the pool by the content that holds it).</summary>
        public readonly byte[] ToAsciiBytes(out int length)
        {
            length = _length;
            var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(_length, 1));
            for (var i = 0; i < _length; i++)
            {
                bytes[i] = (byte)_chars![i];
            }

            return bytes;
        }

        public void Dispose()
        {
            if (_chars is { } chars)
            {
                _chars = null;
                ArrayPool<char>.Shared.Return(chars);
            }
        }

        private void Ensure(int more)
        {
            if (_length + more <= _chars!.Length)
            {
                return;
            }

            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + more));
            _chars.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = bigger;
        }

        /// <summary>RFC 3986 unreserved characters: written as they are.</summary>
        private static readonly SearchValues<char> Unreserved =
            SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

        private static char HexUpper(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
    }
}
