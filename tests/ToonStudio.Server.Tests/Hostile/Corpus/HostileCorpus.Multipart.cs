using System.Net.Http.Headers;
using System.Text;
using static ToonStudio.Server.Tests.Hostile.Corpus.HostileCase;

namespace ToonStudio.Server.Tests.Hostile.Corpus;

public static partial class HostileCorpus
{
    private const string Boundary = "hostile-boundary-7f3a";

    /// <summary>One raw form-data part: its headers as written, then its body.</summary>
    private static byte[] Part(string disposition, byte[] body, params string[] headers) =>
        [.. Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: {disposition}\r\n{string.Concat(headers.Select(h => h + "\r\n"))}\r\n"), .. body, .. "\r\n"u8.ToArray()];

    private static byte[] Text(string name, string value) => Part($"form-data; name=\"{name}\"", Encoding.UTF8.GetBytes(value));

    private static byte[] File(string name, byte[] bytes, string fileName = "a.png") =>
        Part($"form-data; name=\"{name}\"; filename=\"{fileName}\"", bytes, "Content-Type: image/png");

    private static byte[] End => Encoding.ASCII.GetBytes($"--{Boundary}--\r\n");

    private static HttpRequestMessage Raw(byte[] body, string? contentType = $"multipart/form-data; boundary={Boundary}", string path = Path)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static HostileCase Request(string name, Func<HttpRequestMessage> request, params string[] allowed) => new($"multipart: {name}", "multipart", request, allowed);

    private static HostileCase Form(string name, byte[][] parts, params string[] allowed) => Request(name, () => Raw([.. parts.SelectMany(p => p), .. End]), allowed);

    private static IEnumerable<HostileCase> MultipartCases()
    {
        var png = Stills.Png();
        var ok = new[] { Text("prompt", "hostile"), Text("goods_type", "sticker") };
        byte[][] With(params byte[][] extra) => [.. ok, .. extra];

        yield return Form("well-formed by hand (control)", With(File("input_image", png)), Accepted);
        yield return Request("no Content-Type", () => Raw([.. File("input_image", png), .. End], null), BadField);
        yield return Request("multipart without boundary", () => Raw([.. File("input_image", png), .. End], "multipart/form-data"), BadField);
        yield return Request("empty boundary", () => Raw([.. File("input_image", png), .. End], "multipart/form-data; boundary=\"\""), BadField);
        yield return Request("300-character boundary", () => Raw([.. File("input_image", png), .. End], $"multipart/form-data; boundary={new string('b', 300)}"), BadField);
        yield return Request("text/plain body", () => Raw(png, "text/plain"), BadField);
        yield return Request("url-encoded body", () => Raw("prompt=x&input_image=y"u8.ToArray(), "application/x-www-form-urlencoded"), BadField);
        yield return Request("JSON body", () => Raw("{\"prompt\":\"x\"}"u8.ToArray(), "application/json"), BadField);
        yield return Request("boundary that never occurs", () => Raw([.. File("input_image", png), .. End], "multipart/form-data; boundary=other"), BadField);
        yield return Request("body cut inside a part", () => Raw([.. File("input_image", png)[..200]]), BadField, Invalid);
        yield return Request("no closing boundary", () => Raw([.. ok.SelectMany(p => p), .. File("input_image", png)]), BadField, Accepted);
        yield return Request("1 MB preamble", () => Raw([.. new byte[1 << 20], .. "\r\n"u8.ToArray(), .. With(File("input_image", png)).SelectMany(p => p), .. End]), BadField, Accepted);
        yield return Request("empty body", () => Raw([]), BadField);

        yield return Form("40 parts", [.. Enumerable.Range(0, 40).Select(i => Text($"f{i}", "x"))], BadField);
        yield return Form("5000 parts", [.. Enumerable.Range(0, 5000).Select(i => Text($"f{i}", ""))], BadField);
        yield return Form("5000 parts of the same name", [.. Enumerable.Range(0, 5000).Select(_ => Text("goods_type", "mug"))], BadField);

        // Streamed as they are sent: the server must stop reading at its limit, never buffer 100 MB.
        // Chunked, the length unknown: the server stops at its limit and answers while the client is still sending.
        yield return Request("100 MB file field (streamed, chunked)", () => Lazy(File("input_image", [])[..^2], 100L << 20, declared: false), TooLarge, ResetWhileSending);
        yield return Request("100 MB text field (streamed, chunked)", () => Lazy(Text("prompt", "")[..^2], 100L << 20, declared: false), BadField, TooLarge, ResetWhileSending);
        // Declared with Expect: 100-continue, as a careful client sends it: Kestrel refuses the length before a byte is sent.
        yield return Request("100 MB file field (Content-Length, Expect: 100-continue)", () => Lazy(File("input_image", [])[..^2], 100L << 20, declared: true), TooLarge);
        yield return Request("100 MB text field (Content-Length, Expect: 100-continue)", () => Lazy(Text("prompt", "")[..^2], 100L << 20, declared: true), BadField, TooLarge);

        var planted = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"toonstudio-pwned-{Guid.NewGuid():N}.png");
        yield return Form("file name traversing to the temp folder", With(File("input_image", png, "../../../../../../../.." + planted)), Accepted) with
        {
            // File names are never used: nothing may appear where the name points.
            Verify = (_, _) => Task.FromResult(System.IO.File.Exists(planted) ? $"{planted} was written" : null),
        };
        foreach (var fileName in new[]
        {
            "..\\..\\..\\windows\\win.ini", "/etc/passwd", "C:\\boot.ini",
            "....//....//etc/shadow", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "name\u0000.png.exe", "\u202Egnp.exe", "con.png", "a\r\nX-Injected: 1.png",
        })
        {
            yield return Form($"file name {Printable(fileName)}", With(File("input_image", png, fileName)), Accepted, BadField);
        }
        yield return Form("RFC 5987 file name with traversal",
            With(Part("form-data; name=\"input_image\"; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd", png, "Content-Type: image/png")), Accepted);
        yield return Form("20 KB file name", With(File("input_image", png, new string('n', 20_000))), BadField);

        yield return Form("input_image twice", With(File("input_image", png), File("input_image", png)), BadField);
        yield return Form("prompt twice", [.. With(File("input_image", png)), Text("prompt", "again")], BadField);
        yield return Form("goods_type twice on /goods", [.. With(File("input_image", png)), Text("goods_type", "mug")], BadField);
        yield return Request("goods_type × 20 on /goods/batch",
            () => Raw([.. File("input_image", png), .. Enumerable.Range(0, 20).SelectMany(_ => Text("goods_type", "mug")), .. End], path: "/api/v1/goods/batch"), BadField);

        yield return Form("part with 100 headers", With(Part("form-data; name=\"input_image\"; filename=\"a.png\"", png, [.. Enumerable.Range(0, 100).Select(i => $"X-H{i}: v")])), BadField);
        yield return Form("part header of 100 KB", With(Part("form-data; name=\"input_image\"; filename=\"a.png\"", png, $"X-Big: {new string('h', 100_000)}")), BadField);
        yield return Request("part without Content-Disposition",
            () => Raw([.. ok.SelectMany(p => p), .. Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Type: image/png\r\n\r\n"), .. png, .. "\r\n"u8.ToArray(), .. End]), BadField);
        yield return Form("Content-Disposition: attachment", With(Part("attachment; name=\"input_image\"; filename=\"a.png\"", png)), BadField);
        yield return Form("empty part name", With(Part("form-data; name=\"\"; filename=\"a.png\"", png)), BadField);
        yield return Form("500-character part name", With(Part($"form-data; name=\"{new string('x', 500)}\"; filename=\"a.png\"", png)), BadField);
        yield return Form("input_image as a text field", With(Part("form-data; name=\"input_image\"", png)), BadField);
        yield return Form("PNG declared as text/html", With(Part("form-data; name=\"input_image\"; filename=\"a.html\"", png, "Content-Type: text/html")), Accepted);
        yield return Form("nested multipart/mixed as the file", With(File("input_image", Encoding.ASCII.GetBytes($"--inner\r\nContent-Type: image/png\r\n\r\n{Encoding.Latin1.GetString(png)}\r\n--inner--"))), Unsupported);
        yield return Form("70 KB prompt", [Text("prompt", new string('p', 70_000)), File("input_image", png)], BadField);
        yield return Form("prompt of invalid UTF-8 and NULs", [Part("form-data; name=\"prompt\"", [0xC3, 0x28, 0, 0xFF, 0xFE, 0x41]), File("input_image", png)], Accepted, BadField);
        yield return Form("Input_Image (wrong case)", With(File("Input_Image", png)), BadField);
        yield return Form("engine ../../etc", With(File("input_image", png), Text("engine", "../../etc")), BadField);
        yield return Form("seed of 30 digits", With(File("input_image", png), Text("seed", new string('9', 30))), BadField);
        yield return Form("aspect_ratio with CRLF injection", With(File("input_image", png), Text("aspect_ratio", "1:1\r\nX-Injected: 1")), BadField);
        yield return Form("webhook_url to the metadata service", With(File("input_image", png), Text("webhook_url", "http://169.254.169.254/latest/meta-data/")), BadField);
        yield return Request("10 KB Idempotency-Key", () =>
        {
            var request = Raw([.. With(File("input_image", png)).SelectMany(p => p), .. End]);
            request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 10_000));
            return request;
        }, BadField);
        // Header bombs on the request itself: Kestrel answers 431 before the app; in-process there is no such limit.
        yield return Request("200 request headers", () =>
        {
            var request = Upload(png);
            for (var i = 0; i < 200; i++)
            {
                request.Headers.TryAddWithoutValidation($"X-Junk-{i}", new string('j', 100));
            }
            return request;
        }, Accepted, "431");
        yield return Request("one 64 KB request header", () =>
        {
            var request = Upload(png);
            request.Headers.TryAddWithoutValidation("X-Junk", new string('j', 64 * 1024));
            return request;
        }, Accepted, "431");
    }

    /// <summary>A form whose last part is <paramref name="fill"/> generated bytes, sent chunked as it is produced.</summary>
    private static HttpRequestMessage Lazy(byte[] head, long fill, bool declared)
    {
        var body = new GeneratedStream([.. Text("goods_type", "sticker"), .. head], fill, (byte)'a', [.. "\r\n"u8.ToArray(), .. End]);
        var content = new StreamContent(body, 81920);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        if (declared)
        {
            content.Headers.ContentLength = body.TotalLength;
            request.Headers.ExpectContinue = true;
        }
        return request;
    }

    private static string Printable(string s) => new([.. s.Take(60).Select(c => char.IsControl(c) || c is '\u202E' ? '?' : c)]);
}
