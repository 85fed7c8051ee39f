namespace Wehelpen.Web.Tests.Push;

/// <summary>Changes each request on its way out, after the sender built it: to send a push service what a broken or hostile sender would.</summary>
public sealed class RequestRewritingHandler(Func<HttpRequestMessage, Task> rewrite) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await rewrite(request);
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>Replaces the body by the same bytes with one of them flipped, keeping its headers (Content-Encoding).</summary>
    public static RequestRewritingHandler FlippingByte(int index) => new(async request =>
    {
        var original = request.Content!;
        var bytes = await original.ReadAsByteArrayAsync();
        bytes[index] ^= 0x01;
        var tampered = new ByteArrayContent(bytes);
        foreach (var header in original.Headers) tampered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        tampered.Headers.ContentLength = bytes.Length;
        request.Content = tampered;
    });
}
