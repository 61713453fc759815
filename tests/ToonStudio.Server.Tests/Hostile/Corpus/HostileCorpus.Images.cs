using System.Text;
using SkiaSharp;
using static ToonStudio.Server.Tests.Hostile.Corpus.HostileCase;

namespace ToonStudio.Server.Tests.Hostile.Corpus;

public static partial class HostileCorpus
{
    private static IEnumerable<HostileCase> ImageCases()
    {
        var png = Stills.Png();
        var jpeg = Stills.Jpeg();
        var webp = Stills.Webp();
        var lossless = Stills.WebpLossless();
        var bases = new[] { ("PNG", png), ("JPEG", jpeg), ("WebP", webp) };

        foreach (var (name, bytes) in bases.Append(("lossless WebP", lossless)))
        {
            yield return Image("valid", name, bytes, Accepted);
        }
        foreach (var (format, bytes) in bases)
        {
            foreach (var length in new[] { 1, 4, 8, 12, 16, 33, bytes.Length / 10, bytes.Length / 4, bytes.Length / 2, bytes.Length * 3 / 4, bytes.Length * 9 / 10, bytes.Length - 16, bytes.Length - 1 })
            {
                yield return Image("truncated", $"{format} at {length} of {bytes.Length} bytes", bytes[..length], [.. AnyImageOutcome]);
            }
            var random = new Random(format.Length * 7919);
            for (var i = 0; i < 25; i++)
            {
                var flipped = (byte[])bytes.Clone();
                var flips = 1 + (i % 8);
                for (var f = 0; f < flips; f++)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }
                yield return Image("bit-flipped", $"{format} #{i} ({flips} bits)", flipped, [.. AnyImageOutcome]);
            }
            var garbage = new byte[4096];
            new Random(format.Length).NextBytes(garbage);
            foreach (var prefix in new[] { 8, 12, 32 })
            {
                yield return Image("garbage", $"{format} magic ({prefix} bytes) + random", [.. bytes[..prefix], .. garbage], [.. AnyImageOutcome]);
            }
        }
        yield return Image("garbage", "empty file", [], Invalid);
        yield return Image("garbage", "one byte", [0x89], Invalid, Unsupported);

        foreach (var c in BadCrcs())
        {
            yield return c;
        }
        foreach (var c in LyingDimensions(jpeg, lossless))
        {
            yield return c;
        }
        foreach (var c in ZlibBombs())
        {
            yield return c;
        }
        foreach (var c in Polyglots(png, jpeg))
        {
            yield return c;
        }
        foreach (var c in PngVariants())
        {
            yield return c;
        }
        foreach (var c in JpegVariants())
        {
            yield return c;
        }
        foreach (var c in WebpVariants(lossless))
        {
            yield return c;
        }
    }

    private static IEnumerable<HostileCase> BadCrcs()
    {
        byte[] Crc(string badChunk, int colorType)
        {
            var image = MiniPng.Image(16, 16, 8, colorType);
            using var s = new MemoryStream();
            s.Write(MiniPng.Signature);
            foreach (var (type, data) in PngChunks(image))
            {
                MiniPng.WriteChunk(s, type, data, badCrc: type == badChunk);
            }
            return s.ToArray();
        }
        yield return Image("bad CRC", "IHDR", Crc("IHDR", 6), Accepted, Invalid);
        yield return Image("bad CRC", "IDAT", Crc("IDAT", 6), Accepted, Invalid);
        yield return Image("bad CRC", "IEND", Crc("IEND", 6), Accepted, Invalid);
        yield return Image("bad CRC", "PLTE", Crc("PLTE", 3), Accepted, Invalid);
    }

    /// <summary>PNG chunks (type, data) of a file, for rewriting.</summary>
    private static IEnumerable<(string Type, byte[] Data)> PngChunks(byte[] png)
    {
        for (var i = 8; i + 12 <= png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(i));
            yield return (Encoding.ASCII.GetString(png, i + 4, 4), png.AsSpan(i + 8, length).ToArray());
            i += 12 + length;
        }
    }

    private static IEnumerable<HostileCase> LyingDimensions(byte[] jpeg, byte[] lossless)
    {
        byte[] TinyIdat(int w, int h) => MiniPng.Assemble([("IHDR", MiniPng.Header(w, h, 8, 6)), ("IDAT", MiniPng.Deflate(new byte[64])), ("IEND", [])]);
        yield return Image("lying dimensions", "PNG 65535×65535, tiny IDAT", TinyIdat(65535, 65535), TooLarge);
        yield return Image("lying dimensions", "PNG 7000×7000 (49 MP), tiny IDAT", TinyIdat(7000, 7000), TooLarge);
        yield return Image("lying dimensions", "PNG 2147483647×1", TinyIdat(int.MaxValue, 1), TooLarge, Invalid);
        yield return Image("lying dimensions", "PNG 0×16", TinyIdat(0, 16), Invalid);
        yield return Image("lying dimensions", "PNG 16×16, tiny IDAT", TinyIdat(16, 16), Invalid, Accepted);
        yield return Image("lying dimensions", "JPEG SOF 65535×65535", MiniJpeg.ClaimingSize(jpeg, 65535, 65535), TooLarge, Invalid);
        yield return Image("lying dimensions", "JPEG SOF 0×0", MiniJpeg.ClaimingSize(jpeg, 0, 0), Invalid);
        yield return Image("lying dimensions", "WebP VP8X canvas 16384×16384", MiniWebp.ClaimingCanvas(lossless, 16384, 16384), TooLarge, Invalid);
        yield return Image("lying dimensions", "WebP VP8L 16384×16384", MiniWebp.LosslessClaimingMaximum(lossless), TooLarge, Invalid);
    }

    private static IEnumerable<HostileCase> ZlibBombs()
    {
        // Modest declared size, an IDAT stream that inflates far past what 256×256 needs: ~0.5 MB → 512 MB.
        var overlong = MiniPng.Assemble([("IHDR", MiniPng.Header(256, 256, 8, 6)), ("IDAT", MiniPng.DeflateZeros(512L << 20)), ("IEND", [])]);
        yield return Image("zlib bomb", $"256×256 PNG, IDAT {overlong.Length / 1024} KB inflating to 512 MB", overlong, Accepted, Invalid);
        // Within the pixel limit (36 MP) and honest: 144 MB of pixels from ~150 KB — the decode the RSS bound is about.
        var big = MiniPng.Assemble([("IHDR", MiniPng.Header(6000, 6000, 8, 6)), ("IDAT", MiniPng.DeflateZeros(6000L * (1 + (6000 * 4)))), ("IEND", [])]);
        yield return Image("zlib bomb", $"6000×6000 PNG in {big.Length / 1024} KB (36 MP, inside the limit)", big, Accepted, TooLarge);
        // Over the pixel limit: refused from the header, the 196 MB stream is never inflated.
        var huge = MiniPng.Assemble([("IHDR", MiniPng.Header(7000, 7000, 8, 6)), ("IDAT", MiniPng.DeflateZeros(7000L * (1 + (7000 * 4)))), ("IEND", [])]);
        yield return Image("zlib bomb", $"7000×7000 PNG in {huge.Length / 1024} KB (49 MP)", huge, TooLarge);
        // Many IDAT chunks of nothing but deflate overhead.
        var chunks = new List<(string, byte[])> { ("IHDR", MiniPng.Header(64, 64, 8, 6)) };
        var stream = MiniPng.DeflateZeros(64 * (1 + (64 * 4)));
        chunks.AddRange(stream.Chunk(1).Select(b => ("IDAT", b)));
        chunks.Add(("IEND", []));
        yield return Image("zlib bomb", $"64×64 PNG split into {stream.Length} one-byte IDAT chunks", MiniPng.Assemble(chunks), Accepted, Invalid);
    }

    private static IEnumerable<HostileCase> Polyglots(byte[] png, byte[] jpeg)
    {
        var zip = "PK\u0003\u0004\u0014\u0000\u0000\u0000\u0000\u0000payload.html<script>alert(1)</script>PK\u0005\u0006"u8.ToArray();
        var html = "<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();
        HostileCase Clean(string name, byte[] bytes) => Image("polyglot", name, bytes, Accepted) with
        {
            // What is stored and later served is the re-encoded PNG, never the passenger.
            Verify = async (client, response) =>
            {
                var stored = await StoredInputAsync(client, response);
                return Contains(stored, "PK\u0003\u0004") || Contains(stored, "<script") ? "the stored input still carries the payload" : null;
            },
        };
        yield return Clean("PNG + ZIP appended", [.. png, .. zip]);
        yield return Clean("JPEG + HTML appended", [.. jpeg, .. html]);
        byte[] comment = [0xFF, 0xFE, 0, (byte)(html.Length + 2), .. html];
        yield return Clean("JPEG with HTML in a COM segment", [.. jpeg[..2], .. comment, .. jpeg[2..]]);
        var text = Encoding.ASCII.GetBytes("Comment\0").Concat(html).ToArray();
        yield return Clean("PNG with a tEXt <script>", MiniPng.Assemble([.. PngChunks(png).Take(1), ("tEXt", text), .. PngChunks(png).Skip(1)]));
        yield return Image("polyglot", "HTML wrapping a PNG", [.. html, .. png], Unsupported);
        yield return Image("polyglot", "ZIP first, PNG after", [.. zip, .. png], Unsupported);
        yield return Image("polyglot", "GIF header + PNG", [.. "GIF89a"u8.ToArray(), .. png], Unsupported);
        yield return Image("polyglot", "PDF header + JPEG", [.. "%PDF-1.4\n"u8.ToArray(), .. jpeg], Unsupported);
        yield return Image("polyglot", "SVG with script named .png", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), Unsupported);
    }

    private static IEnumerable<HostileCase> PngVariants()
    {
        var combos = new (int ColorType, int[] Depths, string Name)[]
        {
            (0, [1, 2, 4, 8, 16], "grey"), (2, [8, 16], "RGB"), (3, [1, 2, 4, 8], "palette"), (4, [8, 16], "grey+alpha"), (6, [8, 16], "RGBA"),
        };
        foreach (var (colorType, depths, name) in combos)
        {
            foreach (var depth in depths)
            {
                foreach (var interlaced in new[] { false, true })
                {
                    yield return Image("PNG variant", $"{name} {depth}-bit{(interlaced ? " interlaced" : "")}", MiniPng.Image(37, 23, depth, colorType, interlaced), Accepted);
                }
            }
        }
        yield return Image("PNG variant", "palette 8-bit with tRNS", MiniPng.Image(37, 23, 8, 3, transparency: true), Accepted);
        yield return Image("PNG variant", "palette 2-bit interlaced with tRNS", MiniPng.Image(37, 23, 2, 3, interlaced: true, transparency: true), Accepted);
        yield return Image("PNG variant", "grey 8-bit with tRNS", MiniPng.Image(37, 23, 8, 0, transparency: true), Accepted);
        yield return Image("PNG variant", "RGB 16-bit with tRNS", MiniPng.Image(37, 23, 16, 2, transparency: true), Accepted);
        yield return Image("PNG variant", "1×1 RGBA", MiniPng.Image(1, 1, 8, 6), Accepted);
        yield return Image("PNG variant", "4000×1 strip", MiniPng.Image(4000, 1, 8, 2), Accepted);
        yield return Image("PNG variant", "invalid: RGB 4-bit", MiniPng.Image(8, 8, 4, 2), Invalid);
        yield return Image("PNG variant", "invalid: palette 16-bit", MiniPng.Image(8, 8, 16, 3), Invalid);
        yield return Image("PNG variant", "invalid: colour type 5", MiniPng.Image(8, 8, 8, 5), Invalid);
    }

    private static IEnumerable<HostileCase> JpegVariants()
    {
        yield return Image("JPEG variant", "greyscale baseline", MiniJpeg.Image(1), Accepted);
        yield return Image("JPEG variant", "YCbCr baseline", MiniJpeg.Image(3), Accepted);
        yield return Image("JPEG variant", "CMYK (Adobe)", MiniJpeg.Image(4, adobeTransform: 0), Accepted);
        yield return Image("JPEG variant", "YCCK (Adobe)", MiniJpeg.Image(4, adobeTransform: 2), Accepted);
        yield return Image("JPEG variant", "CMYK without Adobe marker", MiniJpeg.Image(4), Accepted);
        yield return Image("JPEG variant", "progressive greyscale", MiniJpeg.Image(1, sof: 0xC2), Accepted);
        yield return Image("JPEG variant", "progressive YCbCr", MiniJpeg.Image(3, sof: 0xC2), Accepted);
        yield return Image("JPEG variant", "progressive CMYK", MiniJpeg.Image(4, sof: 0xC2, adobeTransform: 0), Accepted);
        yield return Image("JPEG variant", "12-bit extended", MiniJpeg.Image(3, sof: 0xC1, precision: 12), Accepted, Invalid);
        yield return Image("JPEG variant", "arithmetic coded", MiniJpeg.Image(3, sof: 0xC9), Accepted, Invalid);
        yield return Image("JPEG variant", "lossless", MiniJpeg.Image(3, sof: 0xC3), Accepted, Invalid);

        var landscape = Stills.Jpeg(64, 32);
        for (var orientation = 0; orientation <= 9; orientation++)
        {
            var swaps = orientation is >= 5 and <= 8;
            yield return Image("EXIF orientation", $"{orientation}{(orientation is 0 or 9 ? " (out of range)" : "")}", MiniJpeg.WithOrientation(landscape, orientation), Accepted) with
            {
                Verify = async (client, response) =>
                {
                    using var stored = SKBitmap.Decode(await StoredInputAsync(client, response));
                    return stored.Width > stored.Height == swaps ? $"stored {stored.Width}×{stored.Height}, expected {(swaps ? "portrait" : "landscape")}" : null;
                },
            };
        }
    }

    private static IEnumerable<HostileCase> WebpVariants(byte[] lossless)
    {
        yield return Image("WebP variant", "animated, 2 frames", MiniWebp.Animated(lossless, 32, 32, 2), Accepted, Invalid);
        yield return Image("WebP variant", "animated, 200 frames", MiniWebp.Animated(lossless, 32, 32, 200), Accepted, Invalid);
        yield return Image("WebP variant", "animated, canvas smaller than its frames", MiniWebp.Animated(lossless, 8, 8, 2), [.. AnyImageOutcome]);
        yield return Image("WebP variant", "RIFF size lying (4 GB)", [.. "RIFF"u8.ToArray(), 0xFF, 0xFF, 0xFF, 0xFF, .. lossless[8..]], [.. AnyImageOutcome]);
    }
}
