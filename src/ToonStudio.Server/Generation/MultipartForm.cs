using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Generation;

/// <summary>
/// A multipart/form-data body read by hand, section by section, so every limit applies while streaming:
/// a file stops at the upload limit (413 naming the field), a text field at 64 KB, the form at 32 parts.
/// File names are never used for anything.
/// </summary>
public sealed class MultipartForm
{
    public const int MaxParts = 32;
    public const int MaxTextBytes = 64 * 1024;

    private readonly Dictionary<string, List<string>> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public string? Text(string name) => _text.TryGetValue(name, out var values) ? values[0] : null;

    public IReadOnlyList<string> TextValues(string name) => _text.TryGetValue(name, out var values) ? values : [];

    public static async Task<MultipartForm> ReadAsync(HttpRequest request, long maxFileBytes, IReadOnlySet<string> repeatable, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw ToonStudioException.Invalid("body", "multipart/form-data");
        }
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200)
        {
            throw ToonStudioException.Invalid("body", "multipart/form-data with a boundary", "boundary가 있는 multipart/form-data");
        }
        var form = new MultipartForm();
        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 8 * 1024 };
        var parts = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (++parts > MaxParts)
                {
                    throw ToonStudioException.Invalid("body", $"at most {MaxParts} form fields", $"폼 필드 최대 {MaxParts}개");
                }
                await form.AddAsync(section, maxFileBytes, repeatable, ct);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new ToonStudioException(ErrorCode.ImageTooLarge, "The request body is too large.", "body");
        }
        catch (IOException)
        {
            throw ToonStudioException.Invalid("body", "a complete multipart/form-data body", "끝까지 전송된 multipart/form-data 본문");
        }
        catch (InvalidDataException)
        {
            throw ToonStudioException.Invalid("body", "a well-formed multipart/form-data body", "형식이 올바른 multipart/form-data 본문");
        }
        return form;
    }

    private async Task AddAsync(MultipartSection section, long maxFileBytes, IReadOnlySet<string> repeatable, CancellationToken ct)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw ToonStudioException.Invalid("body", "form-data parts with a name", "이름이 있는 form-data 파트");
        }
        var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
        if (name.Length is 0 or > 100)
        {
            throw ToonStudioException.Invalid("body", "form-data parts with a name", "이름이 있는 form-data 파트");
        }
        if (disposition.IsFileDisposition())
        {
            if (_files.ContainsKey(name))
            {
                throw ToonStudioException.Invalid(name, "one file", "파일 하나");
            }
            _files[name] = await ReadLimitedAsync(section.Body, maxFileBytes, ct)
                ?? throw new ToonStudioException(ErrorCode.ImageTooLarge, $"{name}: more than {maxFileBytes} bytes", name,
                    new Dictionary<string, string> { ["field"] = name, ["limit"] = (maxFileBytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return;
        }
        var bytes = await ReadLimitedAsync(section.Body, MaxTextBytes, ct) ?? throw ToonStudioException.Invalid(name, $"at most {MaxTextBytes} bytes", $"최대 {MaxTextBytes}바이트");
        var value = Encoding.UTF8.GetString(bytes);
        if (_text.TryGetValue(name, out var values))
        {
            if (!repeatable.Contains(name))
            {
                throw ToonStudioException.Invalid(name, "one value", "값 하나");
            }
            values.Add(value);
        }
        else
        {
            _text[name] = [value];
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the stream holds more.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
