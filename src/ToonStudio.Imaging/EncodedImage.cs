namespace ToonStudio.Imaging;

/// <summary>The formats a result can be encoded in.</summary>
public enum OutputFormat { Png, Jpeg, Webp }

/// <summary>Encoded image bytes with what a server needs to serve them.</summary>
public sealed record EncodedImage(byte[] Bytes, string ContentType, int Width, int Height);
