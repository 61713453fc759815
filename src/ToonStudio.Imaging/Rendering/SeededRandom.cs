namespace ToonStudio.Imaging.Rendering;

/// <summary>One seeded <see cref="Random"/> per render: the same seed always draws the same picture.</summary>
internal static class SeededRandom
{
    public static Random For(long seed, int salt = 0) =>
        new(unchecked((int)(seed ^ (seed >>> 32)) * 31 + salt));

    public static float Range(this Random random, float min, float max) =>
        min + (float)random.NextDouble() * (max - min);
}
