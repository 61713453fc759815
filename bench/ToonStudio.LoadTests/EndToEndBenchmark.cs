using System.Diagnostics;
using System.Net.Http.Headers;
using SkiaSharp;
using ToonStudio.ScaleOut.Tests;

namespace ToonStudio.LoadTests;

/// <summary>
/// Jobs per second through whole server processes: R replicas on PostgreSQL + Azurite, PPL jobs on the Replicate
/// fake (one poll each), posted round-robin by 8 clients; the clock runs from the first POST to the last completion.
/// </summary>
internal static class EndToEndBenchmark
{
    public static async Task RunAsync(int jobs, int[] replicaCounts)
    {
        var png = Png();
        foreach (var replicas in replicaCounts)
        {
            await using var cluster = await ScaleOutCluster.StartAsync(replicas, TimeSpan.FromSeconds(30));
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, jobs), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
                await PostAsync(cluster.Replicas[i % replicas].Http, png, $"tag=e2e-{i} polls=1", ct));
            var posted = clock.Elapsed;
            while (true)
            {
                var counts = await cluster.CountByStatusAsync();
                if (counts.Where(p => p.Key is not ("queued" or "running")).Sum(p => p.Value) == jobs)
                {
                    clock.Stop();
                    var submissions = Enumerable.Range(0, jobs).Sum(i => cluster.Fakes.State.Counters($"tag=e2e-{i} polls=1").Submissions);
                    Console.WriteLine($"{replicas} replica(s): {jobs} jobs in {clock.Elapsed.TotalSeconds:F1} s = {jobs / clock.Elapsed.TotalSeconds:F1} jobs/s " +
                        $"(posted in {posted.TotalSeconds:F1} s; {string.Join(", ", counts.Select(p => $"{p.Key} {p.Value}"))}; {submissions} submissions)");
                    break;
                }
                if (clock.Elapsed > TimeSpan.FromMinutes(5))
                {
                    throw new TimeoutException($"{replicas} replica(s): not done after 5 minutes");
                }
                await Task.Delay(100);
            }
        }
    }

    private static async Task PostAsync(HttpClient http, byte[] png, string spec, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent($"the character holding the product [fake:{spec}]"), "prompt" },
            { Image(png), "input_image_1", "a.png" },
            { Image(png), "input_image_2", "b.png" },
            { new StringContent("1:1"), "aspect_ratio" },
            { new StringContent("png"), "output_format" },
            { new StringContent("replicate"), "engine" },
        };
        using var response = await http.PostAsync("api/v1/ppl", form, ct);
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    private static ByteArrayContent Image(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(256, 256, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = new SKColor(250, 200, 170), IsAntialias = true };
            canvas.DrawCircle(128, 128, 90, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }
}
