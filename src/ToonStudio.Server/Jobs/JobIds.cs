using System.Security.Cryptography;
using ToonStudio.Server.Core;

namespace ToonStudio.Server.Jobs;

/// <summary>Job ids: 130 random bits in 26 lowercase base32 characters — unguessable, URL-safe, sortable by nothing.</summary>
public static class JobIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[26];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[26];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }
        return new string(chars);
    }

    public static bool IsWellFormed(string id) => id.Length == 26 && id.All(c => Alphabet.Contains(c));
}
