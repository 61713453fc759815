using ToonStudio.Server.Jobs;

namespace ToonStudio.Server.Tests.Security;

/// <summary>Job ids: well formed, distinct and uniform, and what the check refuses; no server.</summary>
[Trait("Category", "Unit")]
public sealed class JobIdTests
{
    [Fact]
    public void New_TenThousandIds_WellFormedDistinctAndUniformOverTheAlphabet()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => JobIds.New()).ToList();

        Assert.All(ids, id => Assert.True(JobIds.IsWellFormed(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // 26 characters × 5 bits = 130 bits only if every character is uniform over the 32 symbols:
        // 260,000 draws give ~8,125 per symbol; a bias toward some symbols would show far outside ±10 %.
        var counts = ids.SelectMany(id => id).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(32, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 8125 * 0.9, 8125 * 1.1));
        // And no position is fixed or predictable (e.g. a timestamp prefix): each position sees most symbols.
        Assert.All(Enumerable.Range(0, 26), position => Assert.True(ids.Select(id => id[position]).Distinct().Count() == 32, $"position {position}"));
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../../../../etc/passwd1")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaa1")]
    public void IsWellFormed_AnythingElse_False(string id) => Assert.False(JobIds.IsWellFormed(id));
}
