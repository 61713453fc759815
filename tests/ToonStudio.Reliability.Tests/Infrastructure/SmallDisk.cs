using System.Diagnostics;

namespace ToonStudio.Reliability.Tests.Infrastructure;

/// <summary>
/// A size-limited folder: <c>mount -t tmpfs -o size=8m</c> (needs root, as CI's <c>./test.sh</c> runs), and a filler
/// file that takes every free byte until <see cref="Free"/> gives them back.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }
    private string Filler => System.IO.Path.Combine(Path, "filler.bin");

    public static SmallDisk Mount(string path, int megabytes)
    {
        Directory.CreateDirectory(path);
        var (code, text) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        return code == 0 ? new SmallDisk(path)
            : throw new InvalidOperationException($"mount -t tmpfs failed ({code}: {text}); the disk-full suite needs root (CI runs ./test.sh as root).");
    }

    /// <summary>Writes until the file system refuses (ENOSPC), in ever smaller pieces down to one block.</summary>
    public long Fill()
    {
        using var stream = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1);
        long written = 0;
        for (var chunk = 1 << 20; chunk >= 512; chunk /= 2)
        {
            var bytes = new byte[chunk];
            while (true)
            {
                try
                {
                    stream.Write(bytes);
                    stream.Flush();
                    written += chunk;
                }
                catch (IOException)
                {
                    stream.SetLength(written);
                    break;
                }
            }
        }
        return written;
    }

    public void Free() => File.Delete(Filler);

    public void Dispose() => Run("umount", "-l", Path);

    private static (int Code, string Text) Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var text = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, text.Trim());
    }
}
