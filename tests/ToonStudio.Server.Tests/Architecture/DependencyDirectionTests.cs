using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace ToonStudio.Server.Tests.Architecture;

/// <summary>
/// The server's folders depend in one direction (docs/architecture.md): each may use the folders before it in
/// <see cref="Layers"/> and none after it; <c>Core</c> uses none.
/// </summary>
[Trait("Category", "Unit")]
public sealed class DependencyDirectionTests
{
    /// <summary>Lowest first. A folder may depend only on folders listed before it.</summary>
    public static readonly string[] Layers =
    [
        "Core", "Localization", "Errors", "Security", "Storage", "Ops", "Engines", "Jobs", "Webhooks", "Generation", "Catalog", "Hosting",
    ];

    private const string Root = "ToonStudio.Server";

    private static readonly ArchUnitNET.Domain.Architecture Server =
        new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build();

    public static TheoryData<string> LayerNames() => [.. Layers];

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void Folder_DependsOnlyOnFoldersBeforeIt(string layer)
    {
        var later = Layers.SkipWhile(l => l != layer).Skip(1).ToArray();
        if (later.Length == 0)
        {
            Assert.Equal(Layers[^1], layer);
            return;
        }
        var rule = Types().That().ResideInNamespaceMatching(Pattern(layer))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(Pattern(later)))
            .Because($"{layer} may only use {string.Join(", ", Layers.TakeWhile(l => l != layer).DefaultIfEmpty("nothing in the server"))}");
        rule.Check(Server);
    }

    /// <summary>The namespaces of the given folders and their subfolders.</summary>
    private static string Pattern(params string[] folders) =>
        $@"^{System.Text.RegularExpressions.Regex.Escape(Root)}\.({string.Join('|', folders)})(\..*)?$";

    [Fact]
    public void EveryServerType_LivesInALayer()
    {
        var layered = Layers.Select(l => $"{Root}.{l}").ToArray();
        var strays = Server.Types
            .Where(t => t.Namespace.FullName == Root || t.Namespace.FullName.StartsWith(Root + ".", StringComparison.Ordinal))
            .Where(t => !layered.Any(l => t.Namespace.FullName == l || t.Namespace.FullName.StartsWith(l + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(strays);
    }
}
